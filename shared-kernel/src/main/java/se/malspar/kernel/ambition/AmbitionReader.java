package se.malspar.kernel.ambition;

import java.util.List;
import java.util.Objects;

/**
 * Reads the verbatim Swedish text of an ambitionsnivå into structured rules, and checks rules that a
 * client sends explicitly against that text.
 *
 * <p>Pure: no clock, no randomness, no shared mutable state; the same text always gives the same reading.
 * What the reader cannot decide is flagged ({@link AmbitionReading#ambiguous()}) and explained in
 * {@link AmbitionReading#findings()}, never guessed.
 */
public final class AmbitionReader {

    private AmbitionReader() {
    }

    /**
     * Reads one ambition text, e.g. {@code "+4 % över riket 2022"} or
     * {@code "positiv utveckling och över länet (äldre) eller riket (elever)"}.
     * The text is NFC-normalised; case and any kind of spacing do not matter.
     */
    public static AmbitionReading read(String text) {
        Objects.requireNonNull(text, "text is required");
        AmbitionParser.Parsed parsed = AmbitionParser.parse(text);
        return new AmbitionReading(
                parsed.text(),
                parsed.rules().stream().map(AmbitionParser.ReadRule::rule).toList(),
                parsed.targetYear(),
                parsed.ambiguous(),
                parsed.findings());
    }

    /**
     * Checks rules a client claims for a text against the reading of that text.
     *
     * <p>A claim is consistent when it holds the same rules as the reading, in any order, except that where
     * the reading left a field open because of an ambiguity (the unit of "%" or of a bare "+4"), the claim
     * may fill in one of the possible values. Adding, dropping or changing a stated rule is a conflict; when
     * the text yields no rules at all, every claimed rule is a conflict.
     *
     * @return human-readable conflicts, Swedish then English in each; empty when the claim is consistent
     */
    public static List<String> conflicts(AmbitionReading reading, List<AmbitionRule> claimed) {
        Objects.requireNonNull(reading, "reading is required");
        Objects.requireNonNull(claimed, "claimed is required");
        return ClaimCheck.conflicts(reading, List.copyOf(claimed));
    }
}
