package se.malspar.kernel.programme.indicator;

/**
 * Whether an indicator's direction is stated (DECIDED: by the decision or its ambition level) or
 * recorded only because a value is required (ASSUMED, with its reason).
 */
public enum DirectionBasis {
    DECIDED,
    ASSUMED
}
