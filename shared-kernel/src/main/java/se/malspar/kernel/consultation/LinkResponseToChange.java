package se.malspar.kernel.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

/**
 * Records that a remiss answer led to a change: the change the {@code decision} made to
 * {@code entityId} (a programme, goal, delmål or indicator id), and why the link is made.
 */
public record LinkResponseToChange(@TargetAggregateIdentifier ConsultationId consultationId, String responseId,
                                   DecisionId decision, String entityId, String reason) {
}
