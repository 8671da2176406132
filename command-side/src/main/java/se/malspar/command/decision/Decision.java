package se.malspar.command.decision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.kernel.common.DateRange;
import se.malspar.kernel.common.PlainText;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.AdoptDecision;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.CorrectDecision;
import se.malspar.kernel.decision.DecisionAdopted;
import se.malspar.kernel.decision.DecisionCorrected;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.kernel.revision.RecordVerification;
import se.malspar.kernel.revision.VerificationRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One register entry per decision paragraph. Its own aggregate because an entry is registered
 * and corrected on its own, and nothing else must be consistent with it in one transaction:
 * programme changes check decisions through {@link DecisionLookup}, kept in the same
 * transaction as this aggregate's events.
 */
@Aggregate
class Decision {

    @AggregateIdentifier
    private DecisionId decisionId;
    private String organ;
    private MeetingDate meetingDate;
    private Integer paragraph;
    private String caseNumber;
    private String title;
    private String protocolUrl;
    private LocalDate effectiveFrom;
    private DecisionStatus status;

    Decision() {
        // for Axon
    }

    /** Created if missing so that a second registration is refused here, with its own code. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DecisionEntry handle(RegisterDecision command, DecisionLookup lookup) {
        Citation citation = command.citation();
        if (decisionId != null) {
            throw duplicate(citation, decisionId);
        }
        if (!citation.decisionId().equals(command.decisionId())) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED,
                    "decision id " + command.decisionId() + " does not belong to citation " + citation);
        }
        lookup.findByCitation(citation.toString()).ifPresent(existing -> {
            throw duplicate(citation, existing);
        });
        requireText(command.title(), "title");
        PlainText.require(command.title(), "title");
        // A month-only meeting date gives no day to take effect from: it stays unknown.
        LocalDate effective = command.effectiveFrom() != null
                ? DateRange.optional(command.effectiveFrom(), "effectiveFrom")
                : citation.meetingDate().date().orElse(null);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        DecisionStatus newStatus = command.status() == null ? DecisionStatus.ADOPTED : command.status();
        apply(new DecisionRegistered(command.decisionId(), citation.toString(), citation.organ(),
                citation.meetingDate(), citation.paragraph(), command.caseNumber(), command.title(),
                command.protocolUrl(), effective, citation.incomplete(), note, newStatus));
        return new DecisionEntry(command.decisionId(), citation.toString(), citation.incomplete(), effective, newStatus);
    }

    /** Adopting is its own step, with the day and what shows it; only a planned decision can be adopted. */
    @CommandHandler
    DecisionEntry handle(AdoptDecision command) {
        if (status != DecisionStatus.PLANNED) {
            throw new RuleViolationException(Refusal.DECISION_ALREADY_ADOPTED,
                    "decision " + decisionId + " is already adopted");
        }
        if (command.adoptedOn() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "adoptedOn is required");
        }
        DateRange.optional(command.adoptedOn(), "adoptedOn");
        requireText(command.adoptedBy(), "adoptedBy");
        PlainText.require(command.adoptedBy(), "adoptedBy");
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        Citation citation = new Citation(organ, meetingDate, paragraph);
        apply(new DecisionAdopted(decisionId, citation.toString(), command.adoptedOn(), command.adoptedBy().strip(), note));
        return new DecisionEntry(decisionId, citation.toString(), citation.incomplete(), effectiveFrom,
                DecisionStatus.ADOPTED);
    }

    @CommandHandler
    DecisionEntry handle(CorrectDecision command, DecisionLookup lookup) {
        requireText(command.reason(), "reason");
        MeetingDate newDate = orElse(command.meetingDate(), meetingDate);
        Integer newParagraph = orElse(command.paragraph(), paragraph);
        String newCaseNumber = orElse(command.caseNumber(), caseNumber);
        String newTitle = PlainText.require(orElse(command.title(), title), "title");
        String newProtocolUrl = orElse(command.protocolUrl(), protocolUrl);
        LocalDate newEffectiveFrom = command.effectiveFrom() != null
                ? DateRange.optional(command.effectiveFrom(), "effectiveFrom")
                : effectiveFrom != null ? effectiveFrom
                : newDate.date().orElse(null);

        List<String> corrected = new ArrayList<>();
        addIfChanged(corrected, "meetingDate", meetingDate, newDate);
        addIfChanged(corrected, "paragraph", paragraph, newParagraph);
        addIfChanged(corrected, "caseNumber", caseNumber, newCaseNumber);
        addIfChanged(corrected, "title", title, newTitle);
        addIfChanged(corrected, "protocolUrl", protocolUrl, newProtocolUrl);
        addIfChanged(corrected, "effectiveFrom", effectiveFrom, newEffectiveFrom);
        if (corrected.isEmpty()) {
            throw new RuleViolationException(Refusal.NOTHING_TO_CORRECT,
                    "the correction changes nothing in the entry for " + decisionId);
        }
        Citation newCitation = new Citation(organ, newDate, newParagraph);
        lookup.findByCitation(newCitation.toString())
                .filter(existing -> !existing.equals(decisionId))
                .ifPresent(existing -> {
                    throw duplicate(newCitation, existing);
                });
        apply(new DecisionCorrected(decisionId, newCitation.toString(), newDate, newParagraph, newCaseNumber,
                newTitle, newProtocolUrl, newEffectiveFrom, newCitation.incomplete(), corrected, command.reason()));
        return new DecisionEntry(decisionId, newCitation.toString(), newCitation.incomplete(), newEffectiveFrom, status);
    }

    /**
     * A revisor's verification covers exactly the decision's changes recorded within the signed
     * checkpoint the revisor looked at: the tree size must be signed already and must reach the
     * decision's first change.
     */
    @CommandHandler
    VerificationReceipt handle(RecordVerification command, RevisionScope scope) {
        requireText(command.protocolReference(), "protocolReference");
        if (command.outcome() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "outcome is required");
        }
        long latest = scope.latestCheckpointTreeSize().orElseThrow(() -> new RuleViolationException(
                Refusal.TREE_SIZE_NOT_SIGNED, "no checkpoint has been signed yet"));
        if (command.treeSize() > latest) {
            throw new RuleViolationException(Refusal.TREE_SIZE_NOT_SIGNED, "treeSize " + command.treeSize()
                    + " is beyond the latest signed checkpoint (" + latest + ")");
        }
        List<Long> changes = scope.changeSequences(decisionId);
        long first = changes.isEmpty() ? 1 : changes.get(0);
        if (command.treeSize() < first) {
            throw new RuleViolationException(Refusal.TREE_SIZE_BEFORE_FIRST_CHANGE, "treeSize " + command.treeSize()
                    + " is below the decision's first change (sequence " + first + ")");
        }
        List<Long> covers = changes.stream().filter(s -> s <= command.treeSize()).toList();
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        apply(new VerificationRecorded(decisionId, command.verificationId(), command.outcome(),
                command.protocolReference().strip(), note, command.treeSize(), covers));
        return new VerificationReceipt(command.verificationId(), covers);
    }

    @EventSourcingHandler
    void on(DecisionRegistered event) {
        decisionId = event.decisionId();
        organ = event.organ();
        meetingDate = event.meetingDate();
        paragraph = event.paragraph();
        caseNumber = event.caseNumber();
        title = event.title();
        protocolUrl = event.protocolUrl();
        effectiveFrom = event.effectiveFrom();
        status = event.status();
    }

    @EventSourcingHandler
    void on(DecisionAdopted event) {
        status = DecisionStatus.ADOPTED;
    }

    @EventSourcingHandler
    void on(DecisionCorrected event) {
        meetingDate = event.meetingDate();
        paragraph = event.paragraph();
        caseNumber = event.caseNumber();
        title = event.title();
        protocolUrl = event.protocolUrl();
        effectiveFrom = event.effectiveFrom();
    }

    private static RuleViolationException duplicate(Citation citation, DecisionId existing) {
        return new RuleViolationException(Refusal.DUPLICATE_DECISION,
                "decision " + citation + " is already registered (as " + existing + ")");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " is required");
        }
    }

    private static <T> T orElse(T value, T current) {
        return value != null ? value : current;
    }

    private static void addIfChanged(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
