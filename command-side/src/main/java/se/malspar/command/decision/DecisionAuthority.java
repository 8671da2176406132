package se.malspar.command.decision;

import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.common.DateRange;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.DecisionReference;

import java.time.LocalDate;
import java.util.TreeSet;

/**
 * The policy every programme change passes: the decision behind it is registered and adopted, its organ has
 * competence for this kind of change, and the change has a date to take effect from (the
 * decision's, unless the command gives one).
 */
public class DecisionAuthority {

    private final DecisionLookup decisions;
    private final CompetenceRules competence;

    public DecisionAuthority(DecisionLookup decisions, CompetenceRules competence) {
        this.decisions = decisions;
        this.competence = competence;
    }

    public Authorised authorise(ChangeKind change, DecisionId decisionId, LocalDate effectiveFrom) {
        if (decisionId == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "a decision (citation or id) is required");
        }
        DecisionLookup.RegisteredDecision decision = decisions.find(decisionId).orElseThrow(() ->
                new RuleViolationException(Refusal.DECISION_NOT_REGISTERED,
                        "decision " + decisionId + " is not in the register; register it first"));
        if (!decision.adopted()) {
            throw new RuleViolationException(Refusal.DECISION_NOT_ADOPTED, decision.citation()
                    + " is planned, not shown to be adopted: it cannot authorise a change until its adoption is recorded");
        }
        if (!competence.mayAuthorise(decision.organ(), change)) {
            throw new RuleViolationException(Refusal.DECISION_LACKS_COMPETENCE,
                    decision.citation() + " cannot authorise " + change.name().toLowerCase().replace('_', ' ')
                            + ": " + decision.organ() + " lacks competence (may: "
                            + String.join(", ", new TreeSet<>(competence.organsFor(change))) + ")");
        }
        LocalDate effective = effectiveFrom != null ? DateRange.optional(effectiveFrom, "effectiveFrom")
                : decision.effectiveFrom();
        if (effective == null) {
            throw new RuleViolationException(Refusal.EFFECTIVE_DATE_UNKNOWN, decision.citation()
                    + " gives no day to take effect from; state effectiveFrom explicitly");
        }
        return new Authorised(new DecisionReference(decision.decisionId(), decision.citation()), effective);
    }

    /**
     * As {@link #authorise(ChangeKind, DecisionId, LocalDate)}, for a date the paper gives only to the
     * month or year: then {@code effectiveFrom} is required and is the interval's first day.
     */
    public Authorised authorise(ChangeKind change, DecisionId decisionId, LocalDate effectiveFrom,
                                DatePrecision precision) {
        if (precision == null || precision == DatePrecision.DAY) {
            return authorise(change, decisionId, effectiveFrom);
        }
        if (effectiveFrom == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED,
                    "effectiveFrom must be given when its precision is " + precision);
        }
        precision.requireStart(effectiveFrom, "effectiveFrom");
        return new Authorised(authorise(change, decisionId, effectiveFrom).decision(), effectiveFrom, precision);
    }

    /** The decision as cited in the event, the date the change takes effect, and how precisely it is known. */
    public record Authorised(DecisionReference decision, LocalDate effectiveFrom, DatePrecision precision) {

        public Authorised(DecisionReference decision, LocalDate effectiveFrom) {
            this(decision, effectiveFrom, DatePrecision.DAY);
        }
    }
}
