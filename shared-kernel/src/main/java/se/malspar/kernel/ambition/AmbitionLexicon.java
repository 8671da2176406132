package se.malspar.kernel.ambition;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.AT_LEAST;
import static se.malspar.kernel.ambition.RuleComparator.AT_MOST;
import static se.malspar.kernel.ambition.RuleComparator.BELOW;

/** The words the ambition reader knows: references, relational phrases, bounds, and the words it may pass over. */
final class AmbitionLexicon {

    private AmbitionLexicon() {
    }

    static final Map<String, RuleReference> REFERENCES = Map.ofEntries(
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
    static final Set<String> REFERENCE_NOUNS = Set.of(
            "genomsnitt", "genomsnittet", "snitt", "snittet", "nivå", "värde", "medelvärde", "resultat");

    record PhraseDef(RuleComparator comparator, boolean level, boolean ambiguous, List<String> words) {
    }

    private static PhraseDef phrase(RuleComparator c, boolean level, boolean ambiguous, String... words) {
        return new PhraseDef(c, level, ambiguous, List.of(words));
    }

    /** Relational phrases, longest first so "i nivå med eller över" wins over "i nivå med". */
    static final List<PhraseDef> COMPARATORS = List.of(
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
    static final List<PhraseDef> QUANTIFIERS = List.of(
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
    static final List<List<String>> UNDECIDED = List.of(
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

    static final Set<String> TREND_ADJECTIVES = Set.of("positiv", "positiva", "positivt");
    static final Set<String> TREND_NOUNS = Set.of("trend", "trenden", "utveckling", "utvecklingen");
    static final Set<String> DONE_PREFIX = Set.of(
            "en", "ett", "den", "planerad", "planerade", "planerat", "aktivitet", "aktiviteten", "aktiviteter",
            "aktiviteterna", "åtgärd", "åtgärden", "åtgärder", "åtgärderna", "insats", "insatsen", "insatserna",
            "är", "ska", "vara", "bli", "blir", "har", "helt");
    static final Set<String> DONE_VERBS = Set.of(
            "genomförd", "genomfört", "genomförda", "genomförs", "genomföras", "genomförts",
            "utförd", "utfört", "utförda", "utförs", "utförts",
            "slutförd", "slutfört", "slutförda", "slutförts",
            "färdigställd", "färdigställt", "klar", "klart", "klara");
    static final Set<String> NEGATIONS = Set.of("ej", "inte", "icke");
    /** "respektive" only makes sense between references that each name their population. */
    static final Set<String> CONNECTORS = Set.of("och", "samt", "eller", "respektive", ",", ";", "&");
    static final Set<String> FILLERS = Set.of(
            "ambitionsnivå", "ambitionsnivån", "ambitionsnivåer", "ambitionsnivåerna",
            ":", ".", "-", "–", "—", "−", "\"", "”", "“", "'", "’", "«", "»");
    static final List<List<String>> YEAR_PREFIXES = List.of(
            List.of("till", "och", "med", "år"), List.of("till", "och", "med"), List.of("till", "år"),
            List.of("senast", "år"), List.of("under", "år"), List.of("år"), List.of("till"), List.of("senast"),
            List.of("inom"), List.of("inför"));
    /** Words that cannot be a target group's name inside parentheses. */
    static final Set<String> KEYWORDS;

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
}
