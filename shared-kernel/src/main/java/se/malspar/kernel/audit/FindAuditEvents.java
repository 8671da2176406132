package se.malspar.kernel.audit;

/**
 * One page of the raw event trail in global order: the events whose global sequence is greater
 * than {@code afterSequence}, at most {@code limit} of them.
 */
public record FindAuditEvents(long afterSequence, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public FindAuditEvents {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
