package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.programme.AddGoal;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.GoalAdded;
import se.malspar.kernel.programme.GoalId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An overall goal (KF 1–4). It belongs to one programme, fixed when it is added. */
@Aggregate
class Goal {

    @AggregateIdentifier
    private GoalId goalId;

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

    @EventSourcingHandler
    void on(GoalAdded event) {
        goalId = event.goalId();
    }
}
