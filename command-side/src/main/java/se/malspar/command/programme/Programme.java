package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.CreateProgramme;
import se.malspar.kernel.programme.ProgrammeCreated;
import se.malspar.kernel.programme.ProgrammeId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Aggregate boundaries of the programme: each programme, goal, delmål and indicator is its own
 * small aggregate, because each changes on its own decisions and a whole programme must never be
 * locked for one indicator's measurement. The rules that span them (the parent exists and is
 * active, names are unique per parent) are checked against {@link StructureLookup}, which is
 * written in the same transaction as the events and guarded by a unique index.
 */
@Aggregate
class Programme {

    @AggregateIdentifier
    private ProgrammeId programmeId;

    Programme() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(CreateProgramme command, DecisionAuthority authority, StructureLookup structure) {
        if (programmeId != null) {
            throw Rules.alreadyExists("programme", command.programmeId());
        }
        String name = Rules.requireName(command.name(), "name", 300);
        String ownerOrgan = Rules.requireText(command.ownerOrgan(), "ownerOrgan", 10).toUpperCase(java.util.Locale.ROOT);
        if (structure.nameTaken(StructureLookup.Kind.PROGRAMME, null, name, null)) {
            throw Rules.duplicateName("programme", name, "the register");
        }
        var authorised = authority.authorise(ChangeKind.CREATE_PROGRAMME, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        apply(new ProgrammeCreated(command.programmeId(), name, ownerOrgan, authorised.decision(),
                authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(command.programmeId());
    }

    @EventSourcingHandler
    void on(ProgrammeCreated event) {
        programmeId = event.programmeId();
    }
}
