package se.malspar.kernel.revision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import java.util.UUID;

/**
 * A revisor's verification of one decision's changes against its paragraph, as recorded within
 * the signed checkpoint {@code treeSize} the revisor looked at. {@code verificationId} is chosen
 * by the caller (the API), so the decision itself uses no randomness.
 */
public record RecordVerification(@TargetAggregateIdentifier DecisionId decisionId, UUID verificationId,
                                 VerificationOutcome outcome, String protocolReference, String note, long treeSize) {
}
