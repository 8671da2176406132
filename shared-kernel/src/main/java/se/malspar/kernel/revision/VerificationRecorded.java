package se.malspar.kernel.revision;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.decision.DecisionId;

import java.util.List;
import java.util.UUID;

/**
 * A revisor verified a decision: {@code covers} are the sequence numbers of the decision's
 * changes recorded within checkpoint {@code treeSize} (its size grows with the decision's own
 * changes, never with the store's history). The revisor is the event's {@code userId}.
 */
@Revision("1")
public record VerificationRecorded(DecisionId decisionId, UUID verificationId, VerificationOutcome outcome,
                                   String protocolReference, String note, long treeSize, List<Long> covers) {
}
