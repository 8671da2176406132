package se.malspar.command.decision;

import java.util.List;
import java.util.UUID;

/** The answer to a recorded verification: its id and the sequence numbers of the changes it covers. */
record VerificationReceipt(UUID verificationId, List<Long> covers) {
}
