package se.malspar.kernel.revision;

import java.util.Collection;

/**
 * Where a decision stands with the revisors: its latest verification decides, and any change of
 * the decision recorded beyond that verification's checkpoint makes it CHANGED_SINCE_VERIFIED.
 * A CANNOT_VERIFY leaves it UNVERIFIED.
 */
public enum RevisionStatus {
    UNVERIFIED, VERIFIED, DISCREPANCY, CHANGED_SINCE_VERIFIED;

    /** {@code latestOutcome} null: never verified. */
    public static RevisionStatus of(VerificationOutcome latestOutcome, long latestTreeSize, Collection<Long> changeSequences) {
        if (latestOutcome == null || latestOutcome == VerificationOutcome.CANNOT_VERIFY) {
            return UNVERIFIED;
        }
        if (changeSequences.stream().anyMatch(s -> s > latestTreeSize)) {
            return CHANGED_SINCE_VERIFIED;
        }
        return latestOutcome == VerificationOutcome.VERIFIED ? VERIFIED : DISCREPANCY;
    }
}
