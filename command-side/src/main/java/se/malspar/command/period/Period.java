package se.malspar.command.period;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.command.programme.Accepted;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.measurement.ClosePeriod;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodId;
import se.malspar.kernel.programme.measurement.PeriodReopened;
import se.malspar.kernel.programme.measurement.ReopenPeriod;

/**
 * A follow-up period (T1, T2, ÅR of a year) as closed or open: closed by a decision, reopened by
 * a decision with a reason. A period nobody closed has no events and is open.
 */
@Aggregate
class Period {

    @AggregateIdentifier
    private PeriodId periodId;
    private DecisionReference closedBy;

    Period() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(ClosePeriod command, DecisionAuthority authority) {
        if (closedBy != null) {
            throw new RuleViolationException(Refusal.PERIOD_ALREADY_CLOSED, "period " + command.periodId().period()
                    + " is already closed (" + closedBy.citation() + "); reopen it first");
        }
        // The period's own end is the date the decision acts on (the decision may give no day of its own).
        DecisionReference decision = authority.authorise(ChangeKind.CLOSE_PERIOD, command.decision(),
                FollowUpPeriod.endDate(command.periodId().period())).decision();
        apply(new PeriodClosed(command.periodId(), decision));
        return Accepted.now(command.periodId().period());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(ReopenPeriod command, DecisionAuthority authority) {
        if (closedBy == null) {
            throw new RuleViolationException(Refusal.PERIOD_NOT_CLOSED, "period " + command.periodId().period()
                    + " is not closed; only a closed period can be reopened");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "reason must be given when a period is reopened");
        }
        if (command.reason().length() > 2000) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "reason must be at most 2000 characters");
        }
        DecisionReference decision = authority.authorise(ChangeKind.REOPEN_PERIOD, command.decision(),
                FollowUpPeriod.endDate(command.periodId().period())).decision();
        apply(new PeriodReopened(command.periodId(), decision, command.reason().strip()));
        return Accepted.now(command.periodId().period());
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        periodId = event.periodId();
        closedBy = event.decision();
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        periodId = event.periodId();
        closedBy = null;
    }
}
