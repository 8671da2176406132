package se.malspar.kernel.revision;

/** What a revisor found when checking a decision's changes against its paragraph. */
public enum VerificationOutcome {
    VERIFIED, DISCREPANCY, CANNOT_VERIFY
}
