package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.admin.Accepted;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.programme.AddGoal;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.GoalAdded;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.StateDelmalCount;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An overall goal (KF 1–4). It belongs to one programme, fixed when it is added. */
@Aggregate
class Goal {

    @AggregateIdentifier
    private GoalId goalId;
    private ProgrammeId programmeId;
    private Integer statedDelmal;

    Goal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(AddGoal command, DecisionAuthority authority, StructureLookup structure) {
        if (goalId != null) {
            throw Rules.alreadyExists("goal", command.goalId());
        }
        String programme = command.programmeId().value();
        structure.find(StructureLookup.Kind.PROGRAMME, programme)
                .orElseThrow(() -> Rules.notFound("programme", programme));
        String name = Rules.requireName(command.name(), "name", 300);
        if (structure.nameTaken(StructureLookup.Kind.GOAL, programme, name, null)) {
            throw Rules.duplicateName("goal", name, "programme " + programme);
        }
        String goalArea = command.goalArea() == null || command.goalArea().isBlank() ? null
                : Rules.requireName(command.goalArea(), "goalArea", 300);
        var authorised = authority.authorise(ChangeKind.ADD_GOAL, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        apply(new GoalAdded(command.goalId(), command.programmeId(), name, goalArea, authorised.decision(),
                authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(command.goalId());
    }

    /** A paper's count of the goal's delmål, named or not (the tree says how many are named of how many). */
    @CommandHandler
    Accepted handle(StateDelmalCount command, DecisionAuthority authority) {
        if (command.count() < 1 || command.count() > 100) {
            throw new RuleViolationException("VALIDATION_FAILED", "count must be between 1 and 100");
        }
        var authorised = authority.authorise(ChangeKind.STATE_DELMAL_COUNT, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        if (statedDelmal != null && statedDelmal == command.count()) {
            throw new RuleViolationException("DUPLICATE_CHANGE", "goal " + goalId + " is already stated to have "
                    + command.count() + " delmål");
        }
        apply(new DelmalCountStated(goalId, programmeId, command.count(), authorised.decision(),
                authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(goalId);
    }

    @EventSourcingHandler
    void on(GoalAdded event) {
        goalId = event.goalId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(DelmalCountStated event) {
        statedDelmal = event.count();
    }
}
