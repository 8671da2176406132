package se.malspar.kernel.audit;

/**
 * One page of the raw event trail in global order: the events whose global sequence is greater
 * than {@code afterSequence}, at most {@code limit} of them; optionally only those of one
 * aggregate ({@code aggregateId}), caused by one user ({@code userId}) or naming one decision
 * ({@code decisionId}; a correction names the entry it corrects). Null filters select everything.
 */
public record FindAuditEvents(long afterSequence, int limit, String aggregateId, String userId, String decisionId) {

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

    public FindAuditEvents(long afterSequence, int limit) {
        this(afterSequence, limit, null, null, null);
    }

    public boolean filtered() {
        return aggregateId != null || userId != null || decisionId != null;
    }
}
