package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.AddDelmal;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.RenameDelmal;
import se.malspar.kernel.programme.structure.RetireDelmal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A delmål under an overall goal: added, renamed and retired by decision. */
@Aggregate
class Delmal {

    @AggregateIdentifier
    private DelmalId delmalId;
    private GoalId goalId;
    private String name;
    private boolean retired;

    Delmal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(AddDelmal command, DecisionAuthority authority, StructureLookup structure) {
        if (delmalId != null) {
            throw Rules.alreadyExists("delmål", command.delmalId());
        }
        String goal = command.goalId().value();
        StructureLookup.Entry goalEntry = structure.find(StructureLookup.Kind.GOAL, goal)
                .orElseThrow(() -> Rules.notFound("goal", goal));
        String newName = Rules.requireName(command.name(), "name", 300);
        if (structure.nameTaken(StructureLookup.Kind.DELMAL, goal, newName, null)) {
            throw Rules.duplicateName("delmål", newName, "goal " + goal);
        }
        String description = command.description() == null || command.description().isBlank() ? null
                : Rules.requireText(command.description(), "description", 5000);
        var authorised = authority.authorise(ChangeKind.ADD_DELMAL, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        apply(new DelmalAdded(command.delmalId(), command.goalId(), new ProgrammeId(goalEntry.parentId()), newName,
                description, authorised.decision(), authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(command.delmalId());
    }

    @CommandHandler
    Accepted handle(RenameDelmal command, DecisionAuthority authority, StructureLookup structure) {
        requireActive();
        String newName = Rules.requireName(command.name(), "name", 300);
        if (newName.equals(name)) {
            throw new RuleViolationException(Refusal.NOTHING_TO_CHANGE, "delmål " + delmalId + " is already named '" + name + "'");
        }
        if (structure.nameTaken(StructureLookup.Kind.DELMAL, goalId.value(), newName, delmalId.value())) {
            throw Rules.duplicateName("delmål", newName, "goal " + goalId);
        }
        var authorised = authority.authorise(ChangeKind.RENAME_DELMAL, command.decision(), command.effectiveFrom());
        apply(new DelmalRenamed(delmalId, goalId, name, newName, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(delmalId);
    }

    @CommandHandler
    Accepted handle(RetireDelmal command, DecisionAuthority authority) {
        requireActive();
        var authorised = authority.authorise(ChangeKind.RETIRE_DELMAL, command.decision(), command.effectiveFrom());
        apply(new DelmalRetired(delmalId, goalId, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(delmalId);
    }

    private void requireActive() {
        if (retired) {
            throw new RuleViolationException(Refusal.DELMAL_RETIRED, "delmål " + delmalId + " is retired; it cannot be changed");
        }
    }

    @EventSourcingHandler
    void on(DelmalAdded event) {
        delmalId = event.delmalId();
        goalId = event.goalId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(DelmalRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(DelmalRetired event) {
        retired = true;
    }
}
