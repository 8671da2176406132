package se.malspar.kernel.ambition;

import se.malspar.kernel.ambition.OperandParser.Group;
import se.malspar.kernel.ambition.OperandParser.Margin;
import se.malspar.kernel.ambition.OperandParser.RefItem;
import se.malspar.kernel.ambition.OperandParser.RefList;
import se.malspar.kernel.ambition.OperandParser.UnitSpelling;
import se.malspar.kernel.ambition.TokenScanner.Phrase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static se.malspar.kernel.ambition.AmbitionFindings.LEVEL_NOTE;
import static se.malspar.kernel.ambition.AmbitionFindings.PERCENT_SIGN_NOTE;
import static se.malspar.kernel.ambition.AmbitionFindings.POINTS_AFTER_THRESHOLD_NOTE;
import static se.malspar.kernel.ambition.AmbitionFindings.QUALIFIED_MARGIN_REASON;
import static se.malspar.kernel.ambition.AmbitionFindings.YEAR_OR_THRESHOLD_REASON;
import static se.malspar.kernel.ambition.AmbitionFindings.noUnitNote;
import static se.malspar.kernel.ambition.AmbitionLexicon.COMPARATORS;
import static se.malspar.kernel.ambition.AmbitionLexicon.DONE_PREFIX;
import static se.malspar.kernel.ambition.AmbitionLexicon.DONE_VERBS;
import static se.malspar.kernel.ambition.AmbitionLexicon.QUANTIFIERS;
import static se.malspar.kernel.ambition.AmbitionLexicon.TREND_ADJECTIVES;
import static se.malspar.kernel.ambition.AmbitionLexicon.TREND_NOUNS;
import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.AT_LEAST;
import static se.malspar.kernel.ambition.RuleComparator.AT_MOST;
import static se.malspar.kernel.ambition.RuleComparator.BELOW;

/** The conditions an ambition text states: a positive trend, an activity done, or a comparison with a reference or a threshold. */
final class ClauseParser {

    record Part(RuleComparator comparator, RuleReference reference, BigDecimal margin, MarginUnit unit,
                Set<MarginUnit> choices, String group) {
    }

    /** A condition as written; {@code rejection} is set when it was recognised but must not be turned into rules. */
    record Clause(int start, int end, List<Part> parts, List<String> notes, String rejection) {
        static Clause rejected(int start, int end, String reason) {
            return new Clause(start, end, List.of(), List.of(), reason);
        }

        boolean fullyGrouped() {
            return rejection == null && !parts.isEmpty() && parts.stream().allMatch(p -> p.group() != null);
        }
    }

    private final TokenScanner scan;
    private final OperandParser operands;

    ClauseParser(TokenScanner scan) {
        this.scan = scan;
        this.operands = new OperandParser(scan);
    }

    /** The condition that starts at token {@code i}, or null if none does. */
    Clause clause(int i) {
        Clause c = trend(i);
        if (c == null) {
            c = done(i);
        }
        if (c == null) {
            c = comparison(i);
        }
        return c;
    }

    /** "positiv trend", "positiv utveckling", optionally "(äldre)". */
    private Clause trend(int i) {
        int k = i;
        if (scan.isWord(k, "en")) {
            k++;
        }
        if (!TREND_ADJECTIVES.contains(scan.lower(k)) || !TREND_NOUNS.contains(scan.lower(k + 1))) {
            return null;
        }
        k += 2;
        Group g = operands.group(k);
        if (g != null) {
            k = g.end();
        }
        Part part = new Part(RuleComparator.POSITIVE_TREND, RuleReference.OWN_BASELINE, null, null,
                Set.of(), g == null ? null : g.name());
        return new Clause(i, k, List.of(part), List.of(), null);
    }

    /** "genomförd", "aktiviteten genomförd", "en planerad aktivitet är genomförd", "genomförs". */
    private Clause done(int i) {
        int k = i;
        while (k < scan.size() && k - i < 6 && DONE_PREFIX.contains(scan.lower(k))) {
            k++;
        }
        if (!DONE_VERBS.contains(scan.lower(k))) {
            return null;
        }
        k++;
        Group g = operands.group(k);
        if (g != null) {
            k = g.end();
        }
        Part part = new Part(RuleComparator.DONE, RuleReference.ABSOLUTE, null, null, Set.of(),
                g == null ? null : g.name());
        return new Clause(i, k, List.of(part), List.of(), null);
    }

    /**
     * Relative: [minst] [+]N [unit] över|under REF..., or över|under|i nivå med REF... [med N unit].
     * Absolute: minst|högst|lägst N [unit], or över|under|mer än N [unit].
     */
    private Clause comparison(int i) {
        int k = i;
        Phrase q = scan.phraseAt(k, QUANTIFIERS);
        if (q != null) {
            k = q.end();
        }
        Margin m = operands.margin(k);
        if (m != null) {
            k = m.end();
        }
        Phrase c = scan.phraseAt(k, COMPARATORS);
        if (c == null) {
            return q != null && m != null ? absolute(i, q.def().comparator(), m) : null;
        }
        k = c.end();
        RefList refs = operands.refList(k);
        if (refs == null) {
            if (q != null || m != null || c.def().level()) {
                return null;
            }
            Margin threshold = operands.margin(k);
            if (threshold == null) {
                return null;
            }
            if (threshold.spelling() == UnitSpelling.NONE && scan.get(threshold.end() - 1).isYear()
                    && c.def().words().size() == 1) {
                // "under 2022" reads as "during 2022" as easily as "below 2022".
                return Clause.rejected(i, threshold.end(), YEAR_OR_THRESHOLD_REASON);
            }
            return absolute(i, c.def().comparator(), threshold);
        }
        k = refs.end();

        RuleComparator comparator;
        boolean levelAmbiguous = false;
        if (q != null) {
            if (c.def().level() && m == null) {
                comparator = q.def().comparator(); // "minst i nivå med riket": the bound settles it
            } else if (m == null) {
                return null;
            } else if (q.def().comparator() == AT_LEAST && c.def().comparator() == ABOVE && !c.def().level()) {
                comparator = AT_LEAST; // "minst 2 procentenheter över riket"
            } else if (q.def().comparator() == AT_LEAST && c.def().comparator() == BELOW && !c.def().level()) {
                comparator = AT_MOST; // "minst 2 procentenheter under riket": at most riket − 2
            } else {
                return Clause.rejected(i, k, QUALIFIED_MARGIN_REASON);
            }
        } else {
            if (c.def().level() && m != null) {
                return Clause.rejected(i, k, QUALIFIED_MARGIN_REASON);
            }
            comparator = c.def().comparator();
            levelAmbiguous = c.def().ambiguous();
        }
        if (m == null && !c.def().level() && scan.isWord(k, "med")) {
            Margin trailing = operands.margin(k + 1); // "över riket med 4 procentenheter"
            if (trailing != null) {
                m = trailing;
                k = trailing.end();
            }
        }
        if (refs.rejection() != null) {
            return Clause.rejected(i, k, refs.rejection());
        }

        List<String> notes = new ArrayList<>();
        if (levelAmbiguous) {
            notes.add(LEVEL_NOTE);
        }
        MarginUnit unit = null;
        Set<MarginUnit> choices = Set.of();
        if (m != null) {
            switch (m.spelling()) {
                case POINTS -> unit = MarginUnit.PERCENTAGE_POINTS;
                case PERCENT_WORD -> unit = MarginUnit.PERCENT;
                case COUNT -> unit = MarginUnit.ABSOLUTE;
                case PERCENT_SIGN -> {
                    choices = EnumSet.of(MarginUnit.PERCENT, MarginUnit.PERCENTAGE_POINTS);
                    notes.add(PERCENT_SIGN_NOTE);
                }
                case NONE -> {
                    choices = EnumSet.allOf(MarginUnit.class);
                    notes.add(noUnitNote(scan.quote(m.start(), m.end())));
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        for (RefItem item : refs.items()) {
            parts.add(new Part(comparator, item.reference(), m == null ? null : m.value(), unit, choices,
                    item.group()));
        }
        return new Clause(i, k, List.copyOf(parts), List.copyOf(notes), null);
    }

    /** A fixed threshold: the margin is the threshold. A "%" here can only be a plain percentage. */
    private Clause absolute(int start, RuleComparator comparator, Margin m) {
        MarginUnit unit;
        Set<MarginUnit> choices = Set.of();
        List<String> notes = List.of();
        switch (m.spelling()) {
            case PERCENT_SIGN, PERCENT_WORD -> unit = MarginUnit.PERCENT;
            case POINTS -> {
                unit = null;
                choices = EnumSet.of(MarginUnit.PERCENT, MarginUnit.PERCENTAGE_POINTS);
                notes = List.of(POINTS_AFTER_THRESHOLD_NOTE);
            }
            default -> unit = MarginUnit.ABSOLUTE;
        }
        int end = m.end();
        Group g = operands.group(end);
        if (g != null) {
            end = g.end();
        }
        Part part = new Part(comparator, RuleReference.ABSOLUTE, m.value(), unit, choices,
                g == null ? null : g.name());
        return new Clause(start, end, List.of(part), notes, null);
    }
}
