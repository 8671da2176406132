package se.malspar.kernel.ambition;

/**
 * How an indicator's value is compared with the reference of an ambition rule.
 *
 * <p>For relative references (NATIONAL, COUNTY, OWN_BASELINE) a rule's margin is a distance from the
 * reference in the comparator's own direction: above it for ABOVE and AT_LEAST, below it for BELOW and
 * AT_MOST. For ABSOLUTE the margin is the threshold itself.
 */
public enum RuleComparator {
    /** Strictly above the reference (plus margin): "över riket". */
    ABOVE,
    /** Strictly below the reference (minus margin): "under riket". */
    BELOW,
    /** At or above: "minst 80 %", "lägst 80 %", "minst i nivå med riket". */
    AT_LEAST,
    /** At or below: "högst 5". */
    AT_MOST,
    /** Development in the indicator's good direction: "positiv trend", "positiv utveckling". */
    POSITIVE_TREND,
    /** A planned activity is carried out: "genomförd", "aktiviteten genomförd". */
    DONE
}
