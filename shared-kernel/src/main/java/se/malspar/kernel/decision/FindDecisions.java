package se.malspar.kernel.decision;

/**
 * The decision register, in meeting order. {@code incompleteOnly} lists what revisors must
 * still complete (no paragraph, or month-only date).
 */
public record FindDecisions(boolean incompleteOnly) {
}
