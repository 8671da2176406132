package se.malspar.query.revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A revisor's verification as recorded: what was found, where, by whom, and which changes it covers. */
public record VerificationView(UUID verificationId, long sequence, String outcome, String protocolReference, String note,
                               long treeSize, List<Long> covers, Instant recordedAt, String recordedBy) {
}
