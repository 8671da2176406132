package se.malspar.kernel.ambition;

import java.util.List;
import java.util.Objects;

/**
 * The structured reading of one verbatim ambition text.
 *
 * <p>Rules with the same {@code targetGroup} must all hold (AND). Different target groups are separate
 * assessments of separate populations (e.g. "äldre" and "elever"). Rules without a group apply to the
 * indicator as a whole; when the text names groups, the reader copies the shared conditions into each group.
 *
 * @param text       the text as given, NFC-normalised
 * @param rules      the rules read; empty when nothing could be read or no level is decided
 * @param targetYear the year the text names (also copied into each rule); null when none or several
 * @param ambiguous  true when the reader could not decide something (a unit, a reference, an unread part)
 * @param findings   one Swedish-then-English sentence per ambiguity or unread part
 */
public record AmbitionReading(
        String text,
        List<AmbitionRule> rules,
        Integer targetYear,
        boolean ambiguous,
        List<String> findings) {

    /** Starts every finding about a part of the text that is not represented by the rules. */
    public static final String UNREAD_PREFIX = "kunde inte tolkas / could not be read: ";
    /** Starts every finding saying that the text names no decided level yet ("ska definieras", "förslag"). */
    public static final String UNDECIDED_PREFIX = "ingen ambitionsnivå är beslutad ännu / no ambition level is decided yet: ";

    public AmbitionReading {
        Objects.requireNonNull(text, "text is required");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules is required"));
        findings = List.copyOf(Objects.requireNonNull(findings, "findings is required"));
        if (targetYear != null && (targetYear < 1900 || targetYear > 2100)) {
            throw new IllegalArgumentException("targetYear must be within 1900..2100, was " + targetYear);
        }
        if (rules.isEmpty() && findings.isEmpty()) {
            throw new IllegalArgumentException("a reading without rules must say why in a finding");
        }
        for (String finding : findings) {
            if (finding.isBlank()) {
                throw new IllegalArgumentException("findings must not be blank");
            }
        }
        for (AmbitionRule rule : rules) {
            if (!Objects.equals(rule.targetYear(), targetYear)) {
                throw new IllegalArgumentException("rule " + rule.describe()
                        + " has another target year than the reading (" + targetYear + ")");
            }
        }
    }

    /** True when there are rules and no part of the text was left unread or undecided. */
    public boolean complete() {
        return !rules.isEmpty() && findings.stream().noneMatch(AmbitionReading::marksMissingPart);
    }

    /** Whether a finding says that some part of the text is not represented by the rules. */
    public static boolean marksMissingPart(String finding) {
        return finding.startsWith(UNREAD_PREFIX) || finding.startsWith(UNDECIDED_PREFIX);
    }
}
