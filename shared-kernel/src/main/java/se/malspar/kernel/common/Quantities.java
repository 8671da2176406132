package se.malspar.kernel.common;

import java.math.BigDecimal;

/**
 * The range every number of the programme must fit in — measured values, reference values,
 * source figures, target values and ambition margins: |x| ≤ 10^15 with at most 6 decimals.
 * <p>
 * Why this range: the largest figures a municipality follows are amounts in kronor (a budget is
 * about 10^9–10^10), the finest are rates and shares (a few decimals; Kolada publishes at most
 * two). 10^15 with 6 decimals leaves ample room for both, keeps every number at most 22 digits
 * (cheap to store, compare and project in PostgreSQL {@code numeric} and {@code jsonb}), and
 * refuses what would otherwise reach a read model that cannot take it (a scale beyond
 * PostgreSQL's 16383, a 2-million-digit expansion of {@code 1E+2000000}). The check itself is
 * cheap for any {@link BigDecimal}, also one with an exponent of a billion.
 */
public final class Quantities {

    /** 10^15, the largest magnitude allowed (inclusive). */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);
    /** The most decimals a number may have (trailing zeros not counted). */
    public static final int MAX_DECIMALS = 6;
    /** The rule in words, for refusals and documentation. */
    public static final String RULE = "must be a number from -10^15 to 10^15 with at most " + MAX_DECIMALS + " decimals";

    private Quantities() {
    }

    /** True when the value is within the range (null is not a number and not in range). */
    public static boolean allowed(BigDecimal value) {
        if (value == null) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal v = value;
        if (v.scale() > MAX_DECIMALS) {
            // Cost proportional to the digits written, never to the exponent.
            v = v.stripTrailingZeros();
            if (v.scale() > MAX_DECIMALS) {
                return false;
            }
        }
        // Digits before the point; more than 16 means |v| ≥ 10^16 (long: the scale may be -2^31).
        if ((long) v.precision() - v.scale() > 16) {
            return false;
        }
        return v.abs().compareTo(MAX_MAGNITUDE) <= 0;
    }

    /**
     * The value in its stored form, or a VALIDATION_FAILED refusal naming the field. The stored
     * form has 0 to 6 decimals: {@code 1E+3} becomes {@code 1000}, {@code 2.50000000} becomes
     * {@code 2.5}; a value already written with 0 to 6 decimals is kept as written.
     */
    public static BigDecimal require(BigDecimal value, String field) {
        if (!allowed(value)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " " + RULE);
        }
        if (value.scale() >= 0 && value.scale() <= MAX_DECIMALS) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** As {@link #require}, but null stays null (an optional number). */
    public static BigDecimal optional(BigDecimal value, String field) {
        return value == null ? null : require(value, field);
    }
}
