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
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.AmbitionReviewClosed;
import se.malspar.kernel.programme.ambition.AmbitionReviewOpened;
import se.malspar.kernel.programme.ambition.CloseAmbitionReview;
import se.malspar.kernel.programme.ambition.OpenAmbitionReview;
import se.malspar.kernel.programme.structure.CreateProgramme;
import se.malspar.kernel.programme.structure.ProgrammeCreated;

import java.time.LocalDate;

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
    /** The ambition review under way (omarbetning of the levels), or null; at most one at a time. */
    private DecisionReference reviewOpenedBy;
    private LocalDate reviewSince;

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
        // A programme is decided by the organ that owns it: KF's programme by KF, KS's own goals by KS.
        String organ = Citation.parse(authorised.decision().citation()).organ();
        if (!organ.equals(ownerOrgan)) {
            throw new RuleViolationException(Refusal.DECISION_LACKS_COMPETENCE,
                    authorised.decision().citation() + " cannot create a programme owned by " + ownerOrgan
                            + ": a programme is created by the organ that owns it");
        }
        apply(new ProgrammeCreated(command.programmeId(), name, ownerOrgan, authorised.decision(),
                authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(command.programmeId());
    }

    /** An adopted assignment to revise the ambition levels: they are under review from its date. */
    @CommandHandler
    Accepted handle(OpenAmbitionReview command, DecisionAuthority authority) {
        String subject = Rules.requireText(command.subject(), "subject", 1000);
        var authorised = authority.authorise(ChangeKind.OPEN_AMBITION_REVIEW, command.decision(), command.effectiveFrom());
        if (reviewOpenedBy != null) {
            throw new RuleViolationException(Refusal.AMBITION_REVIEW_UNDER_WAY, "the ambition levels of programme "
                    + programmeId + " are already under review since " + reviewSince + " (" + reviewOpenedBy.citation()
                    + "); close that review first");
        }
        apply(new AmbitionReviewOpened(programmeId, subject, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(programmeId);
    }

    /** The decision that ends the review under way (e.g. the one adopting updated levels). */
    @CommandHandler
    Accepted handle(CloseAmbitionReview command, DecisionAuthority authority) {
        if (reviewOpenedBy == null) {
            throw new RuleViolationException(Refusal.NO_AMBITION_REVIEW, "the ambition levels of programme " + programmeId
                    + " are not under review: there is nothing to close");
        }
        String outcome = Rules.requireText(command.outcome(), "outcome", 1000);
        var authorised = authority.authorise(ChangeKind.CLOSE_AMBITION_REVIEW, command.decision(), command.effectiveFrom());
        if (authorised.effectiveFrom().isBefore(reviewSince)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "effectiveFrom must not be before the review opened ("
                    + reviewSince + ", " + reviewOpenedBy.citation() + ")");
        }
        apply(new AmbitionReviewClosed(programmeId, reviewOpenedBy, outcome, authorised.decision(),
                authorised.effectiveFrom()));
        return Accepted.now(programmeId);
    }

    @EventSourcingHandler
    void on(ProgrammeCreated event) {
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(AmbitionReviewOpened event) {
        reviewOpenedBy = event.decision();
        reviewSince = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(AmbitionReviewClosed event) {
        reviewOpenedBy = null;
        reviewSince = null;
    }
}
