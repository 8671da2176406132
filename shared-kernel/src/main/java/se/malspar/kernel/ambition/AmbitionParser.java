package se.malspar.kernel.ambition;

import se.malspar.kernel.ambition.ClauseParser.Clause;
import se.malspar.kernel.ambition.ClauseParser.Part;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static se.malspar.kernel.ambition.AmbitionFindings.ELLER_REASON;
import static se.malspar.kernel.ambition.AmbitionFindings.EMPTY_NOTE;
import static se.malspar.kernel.ambition.AmbitionFindings.NEGATION_REASON;
import static se.malspar.kernel.ambition.AmbitionFindings.NOTHING_STATED_NOTE;
import static se.malspar.kernel.ambition.AmbitionFindings.severalYearsNote;
import static se.malspar.kernel.ambition.AmbitionFindings.yearOnlyNote;
import static se.malspar.kernel.ambition.AmbitionLexicon.CONNECTORS;
import static se.malspar.kernel.ambition.AmbitionLexicon.FILLERS;
import static se.malspar.kernel.ambition.AmbitionLexicon.NEGATIONS;
import static se.malspar.kernel.ambition.AmbitionLexicon.UNDECIDED;
import static se.malspar.kernel.ambition.AmbitionLexicon.YEAR_PREFIXES;

/**
 * The reader's grammar. One instance reads one text and is then thrown away, so all mutable state is
 * confined to a single call of {@link #parse(String)}.
 *
 * <p>The text is scanned left to right. At each token the parser tries, in order: a "not decided yet"
 * phrase, a condition (trend, done, comparison), a negated condition, a year, a connector, a filler word.
 * A token none of these accept stays unread and is reported, never guessed.
 *
 * <p>The pieces: {@link TokenScanner} (tokens and what was read), {@link ClauseParser} (conditions),
 * {@link OperandParser} (margins, references, groups), {@link AmbitionLexicon} (the words) and
 * {@link AmbitionFindings} (what is said about a text). This class walks the text and assembles the rules.
 */
final class AmbitionParser {

    /** A rule plus the units a client may still choose when the text left the unit open. */
    record ReadRule(AmbitionRule rule, Set<MarginUnit> unitChoices) {
        ReadRule {
            unitChoices = Collections.unmodifiableSet(unitChoices.isEmpty()
                    ? EnumSet.noneOf(MarginUnit.class) : EnumSet.copyOf(unitChoices));
        }
    }

    /** Everything read from one text. */
    record Parsed(String text, List<ReadRule> rules, Integer targetYear, boolean ambiguous, List<String> findings) {
    }

    // --- per-call state ---------------------------------------------------------------------------

    private final TokenScanner scan;
    private final ClauseParser conditions;
    private final List<Clause> clauses = new ArrayList<>();
    private final List<String> connectorBefore = new ArrayList<>();
    private final Set<Integer> years = new LinkedHashSet<>();
    private final List<String> undecided = new ArrayList<>();

    private AmbitionParser(String source) {
        this.scan = new TokenScanner(source);
        this.conditions = new ClauseParser(scan);
    }

    static Parsed parse(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return new AmbitionParser(normaliseSpaces(nfc)).run(nfc);
    }

    /** Every kind of space (incl. no-break and thin spaces) becomes one ordinary space. */
    static String normaliseSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || cp == 0x200B || cp == 0xFEFF;
            if (space) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private Parsed run(String nfc) {
        if (scan.isEmpty()) {
            return new Parsed(nfc, List.of(), null, true, List.of(EMPTY_NOTE));
        }
        read();
        return assemble(nfc);
    }

    private void read() {
        String connector = null;
        int i = 0;
        while (i < scan.size()) {
            int end = undecidedPhrase(i);
            if (end > 0) {
                undecided.add(scan.quote(i, end));
                scan.mark(i, end);
                i = end;
                continue;
            }
            Clause clause = conditions.clause(i);
            if (clause == null && NEGATIONS.contains(scan.lower(i)) && i + 1 < scan.size()) {
                Clause negated = conditions.clause(i + 1);
                if (negated != null) {
                    clause = Clause.rejected(i, negated.end(), NEGATION_REASON);
                }
            }
            if (clause != null) {
                clauses.add(clause);
                connectorBefore.add(connector);
                connector = null;
                scan.mark(clause.start(), clause.end());
                i = clause.end();
                continue;
            }
            end = year(i);
            if (end > 0) {
                scan.mark(i, end);
                i = end;
                continue;
            }
            if (CONNECTORS.contains(scan.lower(i))) {
                // "eller" anywhere between two conditions makes the pair an alternative.
                connector = "eller".equals(connector) ? connector : scan.lower(i);
                scan.mark(i, i + 1);
                i++;
                continue;
            }
            if (FILLERS.contains(scan.lower(i))) {
                scan.mark(i, i + 1);
            }
            i++;
        }
    }

    private Parsed assemble(String nfc) {
        List<Part> parts = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        Map<Integer, String> missing = new TreeMap<>(); // by token position, so findings follow the text

        // Conditions joined by "eller"/"respektive" are alternatives; they are only expressible when every
        // alternative names its own population (separate assessments). Otherwise nothing is guessed.
        int from = 0;
        while (from < clauses.size()) {
            int to = from + 1;
            while (to < clauses.size() && isAlternative(connectorBefore.get(to))) {
                to++;
            }
            List<Clause> chain = clauses.subList(from, to);
            if (chain.size() > 1 && !chain.stream().allMatch(Clause::fullyGrouped)) {
                Clause first = chain.get(0);
                Clause last = chain.get(chain.size() - 1);
                missing.put(first.start(), scan.unreadFinding(first.start(), last.end(), ELLER_REASON));
            } else {
                for (Clause c : chain) {
                    if (c.rejection() != null) {
                        missing.put(c.start(), scan.unreadFinding(c.start(), c.end(), c.rejection()));
                    } else {
                        parts.addAll(c.parts());
                        notes.addAll(c.notes());
                    }
                }
            }
            from = to;
        }

        // Leftover words around "ska tas fram" and the like are context for the undecided level,
        // not conditions that were missed; elsewhere every unread token is reported.
        boolean undecidedOnly = !undecided.isEmpty() && parts.isEmpty();
        if (!undecidedOnly) {
            int i = 0;
            while (i < scan.size()) {
                if (scan.used(i)) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < scan.size() && !scan.used(j)) {
                    j++;
                }
                missing.put(i, AmbitionReading.UNREAD_PREFIX + scan.quote(i, j));
                i = j;
            }
        }

        Integer year = years.size() == 1 ? years.iterator().next() : null;
        List<ReadRule> rules = expand(parts, year);

        List<String> findings = new ArrayList<>(notes);
        if (years.size() > 1) {
            findings.add(severalYearsNote(years));
        }
        findings.addAll(missing.values());
        if (!undecided.isEmpty()) {
            findings.add(AmbitionReading.UNDECIDED_PREFIX + String.join(", ", undecided));
        }
        if (rules.isEmpty() && missing.isEmpty() && undecided.isEmpty()) {
            findings.add(year != null ? yearOnlyNote(year) : NOTHING_STATED_NOTE);
        }
        // A text that plainly says "not decided yet" was read in full: nothing is ambiguous about it.
        boolean ambiguous = undecidedOnly
                ? !(missing.isEmpty() && notes.isEmpty() && years.size() <= 1)
                : !findings.isEmpty();
        return new Parsed(nfc, rules, year, ambiguous, findings);
    }

    static boolean isAlternative(String connector) {
        return "eller".equals(connector) || "respektive".equals(connector);
    }

    /**
     * Conditions without a group apply to every named group; with no groups at all they apply to the
     * indicator as a whole. Duplicates collapse.
     */
    private static List<ReadRule> expand(List<Part> parts, Integer year) {
        Map<String, String> groups = new LinkedHashMap<>(); // key -> spelling as first written
        for (Part p : parts) {
            if (p.group() != null) {
                groups.putIfAbsent(groupKey(p.group()), p.group());
            }
        }
        Map<AmbitionRule, Set<MarginUnit>> rules = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            for (Part p : parts) {
                rules.putIfAbsent(rule(p, year, null), p.choices());
            }
        } else {
            for (Map.Entry<String, String> g : groups.entrySet()) {
                for (Part p : parts) {
                    if (p.group() == null || groupKey(p.group()).equals(g.getKey())) {
                        rules.putIfAbsent(rule(p, year, g.getValue()), p.choices());
                    }
                }
            }
        }
        List<ReadRule> out = new ArrayList<>();
        rules.forEach((r, c) -> out.add(new ReadRule(r, c)));
        return List.copyOf(out);
    }

    private static AmbitionRule rule(Part p, Integer year, String group) {
        return new AmbitionRule(p.comparator(), p.reference(), p.margin(), p.unit(), year, group);
    }

    static String groupKey(String group) {
        return normaliseSpaces(Normalizer.normalize(group, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
    }

    // --- small phrases ----------------------------------------------------------------------------

    private int undecidedPhrase(int i) {
        for (List<String> words : UNDECIDED) {
            int end = scan.words(i, words);
            if (end > 0) {
                return end;
            }
        }
        return -1;
    }

    /** A target year, bare ("2022"), with a prefix ("år 2030", "till 2030") or in parentheses. */
    private int year(int i) {
        if (i < scan.size() && scan.get(i).isYear()) {
            years.add(Integer.parseInt(scan.get(i).text()));
            return i + 1;
        }
        if (i + 2 < scan.size() && scan.get(i).is(Token.Kind.OPEN) && scan.get(i + 1).isYear()
                && scan.get(i + 2).is(Token.Kind.CLOSE)) {
            years.add(Integer.parseInt(scan.get(i + 1).text()));
            return i + 3;
        }
        for (List<String> prefix : YEAR_PREFIXES) {
            int end = scan.words(i, prefix);
            if (end > 0 && end < scan.size() && scan.get(end).isYear()) {
                years.add(Integer.parseInt(scan.get(end).text()));
                return end + 1;
            }
        }
        return -1;
    }
}
