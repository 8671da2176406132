package se.malspar.kernel.ambition;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One structured condition read from an ambition text.
 *
 * @param comparator  how the indicator is compared (required)
 * @param reference   what it is compared with (required)
 * @param margin      distance from a relative reference, or the threshold itself for ABSOLUTE; nullable
 * @param marginUnit  unit of the margin; null either because there is no margin or because the text left
 *                    the unit open (e.g. "%" after "riket"), only allowed together with a margin
 * @param targetYear  the year the text names, 1900..2100; nullable
 * @param targetGroup the population the rule is assessed for, e.g. "äldre" or "elever"; nullable
 */
public record AmbitionRule(
        RuleComparator comparator,
        RuleReference reference,
        BigDecimal margin,
        MarginUnit marginUnit,
        Integer targetYear,
        String targetGroup) {

    public AmbitionRule {
        Objects.requireNonNull(comparator, "comparator is required");
        Objects.requireNonNull(reference, "reference is required");
        if (marginUnit != null && margin == null) {
            throw new IllegalArgumentException("marginUnit " + marginUnit + " given without a margin");
        }
        if (targetYear != null && (targetYear < 1900 || targetYear > 2100)) {
            throw new IllegalArgumentException("targetYear must be within 1900..2100, was " + targetYear);
        }
        if (targetGroup != null && targetGroup.isBlank()) {
            throw new IllegalArgumentException("targetGroup must be null or non-blank");
        }
        // The shapes below are the only ones the comparators mean; anything else would be
        // evaluated by guesswork later, so it is refused here.
        if (comparator == RuleComparator.DONE && (reference != RuleReference.ABSOLUTE || margin != null)) {
            throw new IllegalArgumentException("DONE takes reference ABSOLUTE and no margin");
        }
        if (comparator == RuleComparator.POSITIVE_TREND
                && (reference != RuleReference.OWN_BASELINE || margin != null)) {
            throw new IllegalArgumentException("POSITIVE_TREND takes reference OWN_BASELINE and no margin");
        }
        if (reference == RuleReference.ABSOLUTE && comparator != RuleComparator.DONE && margin == null) {
            throw new IllegalArgumentException("an ABSOLUTE " + comparator + " rule needs its threshold as margin");
        }
        if (margin != null && reference != RuleReference.ABSOLUTE && margin.signum() < 0) {
            // The direction lives in the comparator; a negative distance would invert it silently.
            throw new IllegalArgumentException("a margin from a relative reference must not be negative");
        }
        if (margin != null) {
            margin = canonical(margin);
        }
        if (targetGroup != null) {
            targetGroup = targetGroup.strip();
        }
    }

    /** Convenience for rules without margin, year or group. */
    public static AmbitionRule of(RuleComparator comparator, RuleReference reference) {
        return new AmbitionRule(comparator, reference, null, null, null, null);
    }

    /** A copy with another target year. */
    public AmbitionRule withTargetYear(Integer year) {
        return new AmbitionRule(comparator, reference, margin, marginUnit, year, targetGroup);
    }

    /** A copy with another target group. */
    public AmbitionRule withTargetGroup(String group) {
        return new AmbitionRule(comparator, reference, margin, marginUnit, targetYear, group);
    }

    /** Short language-neutral form used in findings and conflicts, e.g. {@code ABOVE NATIONAL 4 ? 2022 (elever)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(comparator).append(' ').append(reference);
        if (margin != null) {
            sb.append(' ').append(margin.toPlainString()).append(' ').append(marginUnit == null ? "?" : marginUnit);
        }
        if (targetYear != null) {
            sb.append(' ').append(targetYear);
        }
        if (targetGroup != null) {
            sb.append(" (").append(targetGroup).append(')');
        }
        return sb.toString();
    }

    // 4, 4.0 and 4.00 are one margin; keep record equality about value, not scale, and avoid 8E+1.
    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
