package se.malspar.command.consultation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionLookup;
import se.malspar.command.programme.Accepted;
import se.malspar.kernel.common.PlainText;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.consultation.ConsultationId;
import se.malspar.kernel.consultation.ConsultationOpened;
import se.malspar.kernel.consultation.ConsultationResponseRecorded;
import se.malspar.kernel.consultation.LinkResponseToChange;
import se.malspar.kernel.consultation.OpenConsultation;
import se.malspar.kernel.consultation.RecordConsultationResponse;
import se.malspar.kernel.consultation.ResponseLinkedToChange;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A consultation round (remiss) with its answers, and which answer led to which change. It keeps
 * only what its rules need: the ids of its answers and the links already made.
 */
@Aggregate
class Consultation {

    @AggregateIdentifier
    private ConsultationId consultationId;
    private final Set<String> responses = new HashSet<>();
    private final Set<String> links = new HashSet<>();

    Consultation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(OpenConsultation command, DecisionLookup decisions) {
        if (consultationId != null) {
            throw new RuleViolationException(Refusal.ALREADY_EXISTS, "consultation " + command.consultationId() + " already exists");
        }
        String title = PlainText.require(text(command.title(), "title", 300, true), "title");
        DecisionReference decision = command.decision() == null ? null : registered(command.decision(), decisions);
        apply(new ConsultationOpened(command.consultationId(), title, decision, command.sentOn()));
        return Accepted.now(command.consultationId());
    }

    @CommandHandler
    Accepted handle(RecordConsultationResponse command, RecordedChanges recorded) {
        if (command.respondent() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "respondent is required");
        }
        String responseId = command.responseId() != null ? responseId(command.responseId()) : nextResponseId();
        if (responses.contains(responseId)) {
            throw new RuleViolationException(Refusal.ALREADY_EXISTS, "consultation " + consultationId
                    + " already has a response " + responseId);
        }
        String subject = text(command.subject(), "subject", 500, false);
        String comment = text(command.comment(), "comment", 4000, true);
        String proposedAnswer = text(command.proposedAnswer(), "proposedAnswer", 4000, false);
        String outcomeText = text(command.outcomeText(), "outcomeText", 300, false);
        apply(new ConsultationResponseRecorded(consultationId, responseId, command.respondent(), subject,
                recorded.kindOf(subject), comment, proposedAnswer, command.outcome(), outcomeText));
        return new Accepted(consultationId + "/" + responseId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    Accepted handle(LinkResponseToChange command, DecisionLookup decisions, RecordedChanges recorded) {
        String responseId = responseId(command.responseId());
        if (!responses.contains(responseId)) {
            throw new RuleViolationException(Refusal.NOT_FOUND, "consultation " + consultationId + " has no response " + responseId);
        }
        String entity = text(command.entityId(), "entity", 100, true);
        String reason = text(command.reason(), "reason", 2000, true);
        if (command.decision() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "decision is required");
        }
        DecisionReference decision = registered(command.decision(), decisions);
        if (!recorded.changed(decision.decisionId(), entity)) {
            throw new RuleViolationException(Refusal.NO_SUCH_CHANGE, decision.citation() + " made no recorded change to "
                    + entity + ": a response can only be linked to a change that is in the record");
        }
        if (links.contains(link(responseId, decision.decisionId(), entity))) {
            throw new RuleViolationException(Refusal.ALREADY_EXISTS, "response " + responseId + " is already linked to the change "
                    + decision.citation() + " made to " + entity);
        }
        apply(new ResponseLinkedToChange(consultationId, responseId, decision, entity, reason));
        return new Accepted(consultationId + "/" + responseId, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        consultationId = event.consultationId();
    }

    @EventSourcingHandler
    void on(ConsultationResponseRecorded event) {
        responses.add(event.responseId());
    }

    @EventSourcingHandler
    void on(ResponseLinkedToChange event) {
        links.add(link(event.responseId(), event.decision().decisionId(), event.entityId()));
    }

    /** The first free number, so that answers recorded without an id get 1, 2, 3 … in their round. */
    private String nextResponseId() {
        int n = responses.size() + 1;
        while (responses.contains(String.valueOf(n))) {
            n++;
        }
        return String.valueOf(n);
    }

    private static String responseId(String value) {
        try {
            return ConsultationId.requireResponseId(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "responseId must be 1 to 100 letters A–Z, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
    }

    private static DecisionReference registered(DecisionId id, DecisionLookup decisions) {
        DecisionLookup.RegisteredDecision decision = decisions.find(id).orElseThrow(() ->
                new RuleViolationException(Refusal.DECISION_NOT_REGISTERED, "decision " + id + " is not in the register; register it first"));
        return new DecisionReference(decision.decisionId(), decision.citation());
    }

    private static String link(String responseId, DecisionId decision, String entity) {
        return responseId + "|" + decision.value() + "|" + entity;
    }

    /** Trimmed NFC text (as the API promises); blank is absent, or refused when required. */
    private static String text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " is required");
            }
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.length() > maxLength) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " is longer than " + maxLength + " characters");
        }
        return text;
    }
}
