package se.malspar.kernel.ambition;

import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.AT_LEAST;
import static se.malspar.kernel.ambition.RuleComparator.AT_MOST;
import static se.malspar.kernel.ambition.RuleComparator.BELOW;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reader's grammar. One instance reads one text and is then thrown away, so all mutable state is
 * confined to a single call of {@link #parse(String)}.
 *
 * <p>The text is scanned left to right. At each token the parser tries, in order: a "not decided yet"
 * phrase, a condition (trend, done, comparison), a negated condition, a year, a connector, a filler word.
 * A token none of these accept stays unread and is reported, never guessed.
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

    // --- findings (Swedish / English) -------------------------------------------------------------

    static final String PERCENT_SIGN_NOTE = "”%” kan betyda procent eller procentenheter / ”%” may mean percent or percentage points";
    static final String LEVEL_NOTE = "”i nivå med” läses som ”minst i nivå med” men kan betyda lika inom en tolerans"
            + " / ”i nivå med” is read as ”at least”, but may mean equal within a tolerance";
    static final String POINTS_AFTER_THRESHOLD_NOTE = "”procentenheter” efter ett fast gränsvärde är oklart; enheten lämnas öppen"
            + " / ”percentage points” after a fixed threshold is unclear; the unit is left open";
    static final String EMPTY_NOTE = "texten är tom / the text is empty";
    static final String NOTHING_STATED_NOTE = "texten anger ingen ambitionsnivå / the text states no ambition level";

    private static final String ELLER_REASON = "”eller”/”respektive” utan målgrupper: vilket villkor som gäller kan inte avgöras"
            + " / ”or”/”respectively” without target groups: which condition applies cannot be decided";
    private static final String MIXED_GROUPS_REASON = "bara en del av referenserna har målgrupp"
            + " / only some of the references name a target group";
    private static final String NEGATION_REASON = "nekade villkor tolkas inte / negated conditions are not read";
    private static final String YEAR_OR_THRESHOLD_REASON = "talet kan vara ett år eller ett gränsvärde"
            + " / the number may be a year or a threshold";
    private static final String QUALIFIED_MARGIN_REASON = "kombinationen av gräns och marginal stöds inte"
            + " / this combination of bound and margin is not supported";

    private static String noUnitNote(String quoted) {
        return quoted + " saknar enhet (procent, procentenheter eller absolut)"
                + " / " + quoted + " has no unit (percent, percentage points or absolute)";
    }

    private static String yearOnlyNote(int year) {
        return "själva ambitionsnivån anges inte, bara året " + year
                + " / the ambition level itself is not stated, only the year " + year;
    }

    private static String severalYearsNote(Set<Integer> years) {
        String list = years.toString().replaceAll("[\\[\\]]", "");
        return "flera år anges (" + list + "); målåret kan inte avgöras"
                + " / several years are named (" + list + "); the target year cannot be decided";
    }

    // --- lexicon ----------------------------------------------------------------------------------

    private static final Map<String, RuleReference> REFERENCES = Map.ofEntries(
            Map.entry("riket", RuleReference.NATIONAL),
            Map.entry("rikets", RuleReference.NATIONAL),
            Map.entry("riksgenomsnittet", RuleReference.NATIONAL),
            Map.entry("riksgenomsnitt", RuleReference.NATIONAL),
            Map.entry("rikssnittet", RuleReference.NATIONAL),
            Map.entry("rikssnitt", RuleReference.NATIONAL),
            Map.entry("riksnivå", RuleReference.NATIONAL),
            Map.entry("riksnivån", RuleReference.NATIONAL),
            Map.entry("riksvärdet", RuleReference.NATIONAL),
            Map.entry("länet", RuleReference.COUNTY),
            Map.entry("länets", RuleReference.COUNTY),
            Map.entry("länsgenomsnittet", RuleReference.COUNTY),
            Map.entry("länsgenomsnitt", RuleReference.COUNTY),
            Map.entry("länssnittet", RuleReference.COUNTY),
            Map.entry("länssnitt", RuleReference.COUNTY),
            Map.entry("länsnivå", RuleReference.COUNTY),
            Map.entry("länsnivån", RuleReference.COUNTY),
            Map.entry("länsvärdet", RuleReference.COUNTY));
    /** "rikets genomsnitt", "länets nivå": the noun after a genitive reference adds nothing. */
    private static final Set<String> REFERENCE_NOUNS = Set.of(
            "genomsnitt", "genomsnittet", "snitt", "snittet", "nivå", "värde", "medelvärde", "resultat");

    private record PhraseDef(RuleComparator comparator, boolean level, boolean ambiguous, List<String> words) {
    }

    private static PhraseDef phrase(RuleComparator c, boolean level, boolean ambiguous, String... words) {
        return new PhraseDef(c, level, ambiguous, List.of(words));
    }

    /** Relational phrases, longest first so "i nivå med eller över" wins over "i nivå med". */
    private static final List<PhraseDef> COMPARATORS = List.of(
            phrase(AT_LEAST, true, false, "i", "nivå", "med", "eller", "högre", "än"),
            phrase(AT_MOST, true, false, "i", "nivå", "med", "eller", "lägre", "än"),
            phrase(AT_LEAST, true, false, "i", "nivå", "med", "eller", "över"),
            phrase(AT_MOST, true, false, "i", "nivå", "med", "eller", "under"),
            phrase(AT_LEAST, true, true, "på", "samma", "nivå", "som"),
            phrase(AT_LEAST, true, true, "samma", "nivå", "som"),
            phrase(AT_LEAST, true, true, "i", "nivå", "med"),
            phrase(AT_LEAST, true, true, "i", "paritet", "med"),
            phrase(ABOVE, false, false, "högre", "än"),
            phrase(ABOVE, false, false, "mer", "än"),
            phrase(ABOVE, false, false, "fler", "än"),
            phrase(ABOVE, false, false, "större", "än"),
            phrase(BELOW, false, false, "lägre", "än"),
            phrase(BELOW, false, false, "mindre", "än"),
            phrase(BELOW, false, false, "färre", "än"),
            phrase(ABOVE, false, false, "över"),
            phrase(ABOVE, false, false, "ovanför"),
            phrase(BELOW, false, false, "under"));

    /** Bounds written before a number (or before "i nivå med"). */
    private static final List<PhraseDef> QUANTIFIERS = List.of(
            phrase(AT_LEAST, false, false, "som", "lägst"),
            phrase(AT_LEAST, false, false, "som", "minst"),
            phrase(AT_MOST, false, false, "som", "högst"),
            phrase(AT_MOST, false, false, "som", "mest"),
            phrase(AT_LEAST, false, false, "minst"),
            phrase(AT_LEAST, false, false, "lägst"),
            phrase(AT_LEAST, false, false, "åtminstone"),
            phrase(AT_MOST, false, false, "högst"),
            phrase(AT_MOST, false, false, "max"),
            phrase(AT_MOST, false, false, "maximalt"),
            phrase(AT_MOST, false, false, "maximum"));

    /** Phrases saying that no level is decided yet (seed 000: "behov av dialog", "ska tas fram", ...). */
    private static final List<List<String>> UNDECIDED = List.of(
            List.of("behov", "av", "dialog"),
            List.of("dialog", "pågår"),
            List.of("ska", "definieras"),
            List.of("behöver", "definieras"),
            List.of("ska", "tas", "fram"),
            List.of("behöver", "tas", "fram"),
            List.of("tas", "fram"),
            List.of("ska", "utredas"),
            List.of("behöver", "utredas"),
            List.of("ska", "korrigeras"),
            List.of("behöver", "korrigeras"),
            List.of("behöver", "förtydligas"),
            List.of("behöver", "analyseras"),
            List.of("ska", "beslutas"),
            List.of("under", "framtagande"),
            List.of("ej", "beslutad"),
            List.of("inte", "beslutad"),
            List.of("ej", "klar"),
            List.of("inte", "klar"),
            List.of("förslag", "till"),
            List.of("förslag", "behövs"),
            List.of("förslag"),
            List.of("saknas"),
            List.of("definieras"));

    private static final Set<String> TREND_ADJECTIVES = Set.of("positiv", "positiva", "positivt");
    private static final Set<String> TREND_NOUNS = Set.of("trend", "trenden", "utveckling", "utvecklingen");
    private static final Set<String> DONE_PREFIX = Set.of(
            "en", "ett", "den", "planerad", "planerade", "planerat", "aktivitet", "aktiviteten", "aktiviteter",
            "aktiviteterna", "åtgärd", "åtgärden", "åtgärder", "åtgärderna", "insats", "insatsen", "insatserna",
            "är", "ska", "vara", "bli", "blir", "har", "helt");
    private static final Set<String> DONE_VERBS = Set.of(
            "genomförd", "genomfört", "genomförda", "genomförs", "genomföras", "genomförts",
            "utförd", "utfört", "utförda", "utförs", "utförts",
            "slutförd", "slutfört", "slutförda", "slutförts",
            "färdigställd", "färdigställt", "klar", "klart", "klara");
    private static final Set<String> NEGATIONS = Set.of("ej", "inte", "icke");
    /** "respektive" only makes sense between references that each name their population. */
    private static final Set<String> CONNECTORS = Set.of("och", "samt", "eller", "respektive", ",", ";", "&");
    private static final Set<String> FILLERS = Set.of(
            "ambitionsnivå", "ambitionsnivån", "ambitionsnivåer", "ambitionsnivåerna",
            ":", ".", "-", "–", "—", "−", "\"", "”", "“", "'", "’", "«", "»");
    private static final List<List<String>> YEAR_PREFIXES = List.of(
            List.of("till", "och", "med", "år"), List.of("till", "och", "med"), List.of("till", "år"),
            List.of("senast", "år"), List.of("under", "år"), List.of("år"), List.of("till"), List.of("senast"),
            List.of("inom"), List.of("inför"));
    /** Words that cannot be a target group's name inside parentheses. */
    private static final Set<String> KEYWORDS;

    static {
        Set<String> k = new HashSet<>(REFERENCES.keySet());
        k.addAll(TREND_ADJECTIVES);
        k.addAll(TREND_NOUNS);
        k.addAll(DONE_VERBS);
        k.addAll(NEGATIONS);
        k.addAll(CONNECTORS);
        k.addAll(Set.of("över", "under", "minst", "högst", "lägst", "procent", "procentenhet", "procentenheter",
                "ambitionsnivå", "ambitionsnivån", "förslag", "definieras", "år"));
        KEYWORDS = Set.copyOf(k);
    }

    // --- per-call state ---------------------------------------------------------------------------

    private enum UnitSpelling { NONE, PERCENT_SIGN, PERCENT_WORD, POINTS, COUNT }

    private record Margin(BigDecimal value, UnitSpelling spelling, int start, int end) {
    }

    private record Phrase(PhraseDef def, int end) {
    }

    private record Group(String name, int end) {
    }

    private record RefItem(RuleReference reference, String group, int end) {
    }

    private record RefList(List<RefItem> items, int end, String rejection) {
    }

    private record Part(RuleComparator comparator, RuleReference reference, BigDecimal margin, MarginUnit unit,
                        Set<MarginUnit> choices, String group) {
    }

    /** A condition as written; {@code rejection} is set when it was recognised but must not be turned into rules. */
    private record Clause(int start, int end, List<Part> parts, List<String> notes, String rejection) {
        static Clause rejected(int start, int end, String reason) {
            return new Clause(start, end, List.of(), List.of(), reason);
        }

        boolean fullyGrouped() {
            return rejection == null && !parts.isEmpty() && parts.stream().allMatch(p -> p.group() != null);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private final boolean[] used;
    private final List<Clause> clauses = new ArrayList<>();
    private final List<String> connectorBefore = new ArrayList<>();
    private final Set<Integer> years = new LinkedHashSet<>();
    private final List<String> undecided = new ArrayList<>();

    private AmbitionParser(String source) {
        this.source = source;
        this.tokens = Token.tokenize(source);
        this.used = new boolean[tokens.size()];
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
        if (tokens.isEmpty()) {
            return new Parsed(nfc, List.of(), null, true, List.of(EMPTY_NOTE));
        }
        scan();
        return assemble(nfc);
    }

    private void scan() {
        String connector = null;
        int i = 0;
        while (i < tokens.size()) {
            int end = undecidedPhrase(i);
            if (end > 0) {
                undecided.add(quote(i, end));
                mark(i, end);
                i = end;
                continue;
            }
            Clause clause = clause(i);
            if (clause == null && NEGATIONS.contains(lower(i)) && i + 1 < tokens.size()) {
                Clause negated = clause(i + 1);
                if (negated != null) {
                    clause = Clause.rejected(i, negated.end(), NEGATION_REASON);
                }
            }
            if (clause != null) {
                clauses.add(clause);
                connectorBefore.add(connector);
                connector = null;
                mark(clause.start(), clause.end());
                i = clause.end();
                continue;
            }
            end = year(i);
            if (end > 0) {
                mark(i, end);
                i = end;
                continue;
            }
            if (CONNECTORS.contains(lower(i))) {
                // "eller" anywhere between two conditions makes the pair an alternative.
                connector = "eller".equals(connector) ? connector : lower(i);
                mark(i, i + 1);
                i++;
                continue;
            }
            if (FILLERS.contains(lower(i))) {
                mark(i, i + 1);
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
                missing.put(first.start(), unreadFinding(first.start(), last.end(), ELLER_REASON));
            } else {
                for (Clause c : chain) {
                    if (c.rejection() != null) {
                        missing.put(c.start(), unreadFinding(c.start(), c.end(), c.rejection()));
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
            while (i < tokens.size()) {
                if (used[i]) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < tokens.size() && !used[j]) {
                    j++;
                }
                missing.put(i, AmbitionReading.UNREAD_PREFIX + quote(i, j));
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

    private static boolean isAlternative(String connector) {
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

    // --- conditions -------------------------------------------------------------------------------

    private Clause clause(int i) {
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
        if (isWord(k, "en")) {
            k++;
        }
        if (!TREND_ADJECTIVES.contains(lower(k)) || !TREND_NOUNS.contains(lower(k + 1))) {
            return null;
        }
        k += 2;
        Group g = group(k);
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
        while (k < tokens.size() && k - i < 6 && DONE_PREFIX.contains(lower(k))) {
            k++;
        }
        if (!DONE_VERBS.contains(lower(k))) {
            return null;
        }
        k++;
        Group g = group(k);
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
        Phrase q = phraseAt(k, QUANTIFIERS);
        if (q != null) {
            k = q.end();
        }
        Margin m = margin(k);
        if (m != null) {
            k = m.end();
        }
        Phrase c = phraseAt(k, COMPARATORS);
        if (c == null) {
            return q != null && m != null ? absolute(i, q.def().comparator(), m) : null;
        }
        k = c.end();
        RefList refs = refList(k);
        if (refs == null) {
            if (q != null || m != null || c.def().level()) {
                return null;
            }
            Margin threshold = margin(k);
            if (threshold == null) {
                return null;
            }
            if (threshold.spelling() == UnitSpelling.NONE && tokens.get(threshold.end() - 1).isYear()
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
        if (m == null && !c.def().level() && isWord(k, "med")) {
            Margin trailing = margin(k + 1); // "över riket med 4 procentenheter"
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
                    notes.add(noUnitNote(quote(m.start(), m.end())));
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
        Group g = group(end);
        if (g != null) {
            end = g.end();
        }
        Part part = new Part(comparator, RuleReference.ABSOLUTE, m.value(), unit, choices,
                g == null ? null : g.name());
        return new Clause(start, end, List.of(part), notes, null);
    }

    private RefList refList(int k) {
        RefItem first = refItem(k);
        if (first == null) {
            return null;
        }
        List<RefItem> items = new ArrayList<>(List.of(first));
        List<String> separators = new ArrayList<>();
        int end = first.end();
        while (end < tokens.size() && CONNECTORS.contains(lower(end))) {
            RefItem next = refItem(end + 1);
            if (next == null) {
                break;
            }
            separators.add(lower(end));
            items.add(next);
            end = next.end();
        }
        String rejection = null;
        if (items.size() > 1) {
            boolean all = items.stream().allMatch(r -> r.group() != null);
            boolean none = items.stream().noneMatch(r -> r.group() != null);
            if (!all && !none) {
                rejection = MIXED_GROUPS_REASON;
            } else if (none && separators.stream().anyMatch(AmbitionParser::isAlternative)) {
                rejection = ELLER_REASON;
            }
        }
        return new RefList(List.copyOf(items), end, rejection);
    }

    private RefItem refItem(int k) {
        int j = k;
        if (isWord(j, "hela")) {
            j++;
        }
        RuleReference reference = j < tokens.size() && tokens.get(j).is(Token.Kind.WORD)
                ? REFERENCES.get(lower(j)) : null;
        if (reference == null) {
            return null;
        }
        boolean genitive = lower(j).endsWith("ets");
        j++;
        if (genitive && REFERENCE_NOUNS.contains(lower(j))) {
            j++;
        }
        Group g = group(j);
        return g == null ? new RefItem(reference, null, j) : new RefItem(reference, g.name(), g.end());
    }

    /** "(äldre)", "(elever åk 9)": a short name in parentheses that is not itself a condition or a year. */
    private Group group(int k) {
        if (k >= tokens.size() || !tokens.get(k).is(Token.Kind.OPEN)) {
            return null;
        }
        int j = k + 1;
        boolean sawWord = false;
        while (j < tokens.size() && j - k <= 5) {
            Token t = tokens.get(j);
            if (t.is(Token.Kind.CLOSE)) {
                return sawWord ? new Group(source.substring(tokens.get(k + 1).start(), tokens.get(j - 1).end()), j + 1)
                        : null;
            }
            if (t.is(Token.Kind.WORD) && !KEYWORDS.contains(t.lower())) {
                sawWord = true;
            } else if (!t.is(Token.Kind.NUMBER) || t.isYear()) {
                return null;
            }
            j++;
        }
        return null;
    }

    private Margin margin(int k) {
        int j = k;
        if (j < tokens.size() && tokens.get(j).is(Token.Kind.PLUS)) {
            j++;
        }
        if (j >= tokens.size() || !tokens.get(j).is(Token.Kind.NUMBER)) {
            return null;
        }
        BigDecimal value = tokens.get(j).number();
        j++;
        UnitSpelling spelling = UnitSpelling.NONE;
        if (j < tokens.size()) {
            Token t = tokens.get(j);
            String w = t.lower();
            if (t.is(Token.Kind.POINTS_UNIT) || w.startsWith("procentenhet")) {
                spelling = UnitSpelling.POINTS;
                j++;
            } else if (t.is(Token.Kind.PERCENT_SIGN)) {
                spelling = UnitSpelling.PERCENT_SIGN;
                j++;
            } else if (w.equals("procent")) {
                // "procent-enheter" written with a hyphen is still percentage points
                if (isPunct(j + 1, "-", "–") && lower(j + 2).startsWith("enhet")) {
                    spelling = UnitSpelling.POINTS;
                    j += 3;
                } else {
                    spelling = UnitSpelling.PERCENT_WORD;
                    j++;
                }
            } else if (w.equals("st") || w.equals("stycken")) {
                spelling = UnitSpelling.COUNT;
                j++;
            }
        }
        return new Margin(value, spelling, k, j);
    }

    // --- small phrases ----------------------------------------------------------------------------

    private int undecidedPhrase(int i) {
        for (List<String> words : UNDECIDED) {
            int end = words(i, words);
            if (end > 0) {
                return end;
            }
        }
        return -1;
    }

    /** A target year, bare ("2022"), with a prefix ("år 2030", "till 2030") or in parentheses. */
    private int year(int i) {
        if (i < tokens.size() && tokens.get(i).isYear()) {
            years.add(Integer.parseInt(tokens.get(i).text()));
            return i + 1;
        }
        if (i + 2 < tokens.size() && tokens.get(i).is(Token.Kind.OPEN) && tokens.get(i + 1).isYear()
                && tokens.get(i + 2).is(Token.Kind.CLOSE)) {
            years.add(Integer.parseInt(tokens.get(i + 1).text()));
            return i + 3;
        }
        for (List<String> prefix : YEAR_PREFIXES) {
            int end = words(i, prefix);
            if (end > 0 && end < tokens.size() && tokens.get(end).isYear()) {
                years.add(Integer.parseInt(tokens.get(end).text()));
                return end + 1;
            }
        }
        return -1;
    }

    private Phrase phraseAt(int i, List<PhraseDef> defs) {
        for (PhraseDef def : defs) {
            int end = words(i, def.words());
            if (end > 0) {
                return new Phrase(def, end);
            }
        }
        return null;
    }

    private int words(int i, List<String> words) {
        if (i + words.size() > tokens.size()) {
            return -1;
        }
        for (int w = 0; w < words.size(); w++) {
            if (!isWord(i + w, words.get(w))) {
                return -1;
            }
        }
        return i + words.size();
    }

    private boolean isWord(int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }

    private boolean isPunct(int i, String... options) {
        if (i >= tokens.size() || !tokens.get(i).is(Token.Kind.PUNCT)) {
            return false;
        }
        return List.of(options).contains(tokens.get(i).text());
    }

    private String lower(int i) {
        return i < tokens.size() ? tokens.get(i).lower() : "";
    }

    private void mark(int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    private String quote(int from, int to) {
        return "”" + source.substring(tokens.get(from).start(), tokens.get(to - 1).end()) + "”";
    }

    private String unreadFinding(int from, int to, String reason) {
        return AmbitionReading.UNREAD_PREFIX + quote(from, to) + " (" + reason + ")";
    }
}
