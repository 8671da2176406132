package se.malspar.kernel.decision;

/**
 * One page of the decision register, in meeting order: at most {@code limit} entries after the
 * entry {@code after} (null: from the start). {@code incompleteOnly} lists what revisors must
 * still complete (no paragraph, or month-only date); {@code completeOnly} the others.
 */
public record FindDecisions(boolean incompleteOnly, boolean completeOnly, DecisionId after, int limit) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 1000;

    public FindDecisions {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (incompleteOnly && completeOnly) {
            throw new IllegalArgumentException("incompleteOnly and completeOnly exclude each other");
        }
    }

    public FindDecisions(boolean incompleteOnly, DecisionId after, int limit) {
        this(incompleteOnly, false, after, limit);
    }

    /** The first page of the default size. */
    public FindDecisions(boolean incompleteOnly) {
        this(incompleteOnly, null, DEFAULT_LIMIT);
    }
}
