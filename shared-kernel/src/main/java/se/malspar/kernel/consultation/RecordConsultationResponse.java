package se.malspar.kernel.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one answer of a remiss: who, about what ({@code subject}: a goal, delmål or indicator id,
 * or free text; null when the answer names nothing), the comment, the office's proposed answer or
 * action, the outcome and the paper's own words for it. {@code responseId} is given or, when null,
 * the next number in the round.
 */
public record RecordConsultationResponse(@TargetAggregateIdentifier ConsultationId consultationId, String responseId,
                                         Respondent respondent, String subject, String comment,
                                         String proposedAnswer, ConsultationOutcome outcome, String outcomeText) {
}
