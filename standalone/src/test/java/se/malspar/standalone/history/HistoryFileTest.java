package se.malspar.standalone.history;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.consultation.ConsultationOutcome;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.indicator.IndicatorKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history file parses, and every entry cites a seed paper that exists, on lines that exist,
 * with words that stand on those lines: nothing in the file is without its source.
 */
class HistoryFileTest {

    private static final Pattern LINES = Pattern.compile("([0-9]+)(?:-([0-9]+))?");
    private static final Set<String> OPS = Set.of("createProgramme", "addGoal", "addDelmal", "defineIndicator",
            "setAmbitionLevel", "stateDelmalCount", "openAmbitionReview");

    private final HistoryFile file = HistoryFile.load();

    @Test
    void parsesWithEveryDecisionTheIssueNames() {
        assertThat(file.history()).isEqualTo("vaggeryd-2019-2022");
        List<String> citations = file.decisions().stream().map(d -> Citation.parse(d.citation()).toString()).toList();
        assertThat(citations).contains("KS 2019-02-06 § 45", "KS 2019-03-06 § 58", "KF 2019-05", "KF 2020-10",
                "KS 2020-10-07 § 175", "KS 2021-01-13 § 10", "KS 2021-01-13 § 12", "KSAU 2021-02-17 § 45",
                "KSAU 2022-02-23 § 38", "KS 2022-03-09 § 70", "KSAU 2022-06-15", "KS 2022-08");
        assertThat(file.decisions().stream().filter(d -> d.citation().equals("KS 2022-08")).findFirst().orElseThrow()
                .changes()).isEmpty();
    }

    @Test
    void whatTheSeedsOnlyPlanIsPlannedWithItsReasonAndAuthorisesNoChange() {
        List<HistoryFile.DecisionEntry> planned = file.decisions().stream()
                .filter(d -> d.status() == DecisionStatus.PLANNED).toList();
        assertThat(planned).extracting(HistoryFile.DecisionEntry::citation)
                .containsExactlyInAnyOrder("KSAU 2022-06-15", "KS 2022-08");
        assertThat(planned).allSatisfy(d -> {
            assertThat(d.statusReason()).as(d.key() + " says why it is planned").isNotBlank();
            assertThat(d.changes()).as(d.key() + " authorises no change").isEmpty();
        });
        assertThat(file.decisions()).filteredOn(d -> d.status() == DecisionStatus.ADOPTED)
                .allSatisfy(d -> assertThat(d.statusReason()).as(d.key()).isNull());
    }

    @Test
    void everyAssumedDirectionIsAFieldWithItsReason() {
        List<HistoryFile.Change> assumed = file.decisions().stream().flatMap(d -> d.changes().stream())
                .filter(c -> c.directionBasis() == se.malspar.kernel.programme.indicator.DirectionBasis.ASSUMED).toList();
        assertThat(assumed).hasSize(9).allSatisfy(c -> {
            assertThat(c.op()).isEqualTo("defineIndicator");
            assertThat(c.directionReason()).as(c.key()).isNotBlank();
        });
        // No assumption is left hidden in free text.
        assertThat(file.decisions().stream().flatMap(d -> d.changes().stream()))
                .allSatisfy(c -> assertThat(String.valueOf(c.note())).as(c.key()).doesNotContain("direction: assumed"));
    }

    @Test
    void everyEntryCitesASeedPaperThatExistsOnLinesThatSayIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int cited = 0;
        for (HistoryFile.DecisionEntry decision : file.decisions()) {
            cited += check(decision.key(), decision.source(), problems);
            for (HistoryFile.Change change : decision.changes()) {
                cited += check(decision.key() + "/" + change.key(), change.source(), problems);
            }
        }
        for (HistoryFile.NotRecorded omitted : file.notRecorded()) {
            cited += check("notRecorded/" + omitted.key(), omitted.source(), problems);
            if (omitted.reason() == null || omitted.reason().isBlank()) {
                problems.add("notRecorded/" + omitted.key() + ": no reason");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(cited).isGreaterThan(80);
    }

    private List<HistoryFile.Change> changes() {
        return file.decisions().stream().flatMap(d -> d.changes().stream()).toList();
    }

    @Test
    void everyPlannedToBeDiscussedAndInferredEntryGivesItsReason() {
        List<String> problems = new ArrayList<>();
        for (HistoryFile.DecisionEntry decision : file.decisions()) {
            if (decision.inference() != null && decision.inference().isBlank()) {
                problems.add(decision.key() + ": empty inference");
            }
            if (mentionsInference(decision.note()) && decision.inference() == null) {
                problems.add(decision.key() + ": its note infers, but no inference is recorded");
            }
            for (HistoryFile.Change c : decision.changes()) {
                boolean needsReason = c.kind() == IndicatorKind.PLANNED || c.ambitionStatus() == AmbitionStatus.TO_BE_DISCUSSED;
                if (needsReason != (c.reason() != null && !c.reason().isBlank())) {
                    problems.add(c.key() + (needsReason ? ": planned or to be discussed without its reason"
                            : ": a reason, but neither planned nor to be discussed"));
                }
                if (c.inference() != null && c.inference().isBlank()) {
                    problems.add(c.key() + ": empty inference");
                }
                if (mentionsInference(c.note()) && c.inference() == null && decision.inference() == null) {
                    problems.add(c.key() + ": its note infers, but no inference is recorded");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Words that say a value was worked out rather than read. */
    private static boolean mentionsInference(String note) {
        return note != null && note.toLowerCase(Locale.ROOT).matches("(?s).*\\b(read from|inferred|composed|assumed)\\b.*");
    }

    @Test
    void whatThePapersNameButDoNotFinishIsPlannedNeverMeasured() {
        assertThat(changes()).filteredOn(c -> c.kind() == IndicatorKind.PLANNED).extracting(HistoryFile.Change::id)
                .containsExactlyInAnyOrder("kf1-socialt-valfardsindex", "kf1-utveckling-av-omsorg-skola-och-service",
                        "kf1-livsmedelsforsorjning", "kf1-infrastruktur", "kf2-likvardig-skola-i-alla-delomraden");
        // A planned indicator gets no ambition level (nothing to aim a method-less measure at).
        Set<String> planned = new HashSet<>(changes().stream().filter(c -> c.kind() == IndicatorKind.PLANNED)
                .map(HistoryFile.Change::id).toList());
        assertThat(changes()).filteredOn(c -> "setAmbitionLevel".equals(c.op()))
                .allSatisfy(c -> assertThat(planned).doesNotContain(c.indicator()));
    }

    @Test
    void theLevelsLeftToDialogueAreToBeDiscussedAndNothingElseIs() {
        assertThat(changes()).filteredOn(c -> c.ambitionStatus() == AmbitionStatus.TO_BE_DISCUSSED)
                .extracting(HistoryFile.Change::indicator)
                .containsExactlyInAnyOrder("kf1-bredbandstillgang", "kf2-andel-0-19-ar-i-ekonomiskt-utsatta-hushall",
                        "kf2-andel-ekonomiskt-utsatta-aldre", "kf4-valdeltagande-distrikt");
        assertThat(changes()).filteredOn(c -> "setAmbitionLevel".equals(c.op()) && c.text().contains("ambitionsnivå år 2030"))
                .allSatisfy(c -> assertThat(c.ambitionStatus()).as(c.key()).isEqualTo(AmbitionStatus.TO_BE_DISCUSSED));
    }

    @Test
    void targetGroupRulesSitOnlyOnTheirOwnSurveyIndicator() {
        assertThat(changes()).filteredOn(c -> c.targetGroup() != null)
                .extracting(c -> c.indicator() + "=" + c.targetGroup())
                .containsExactlyInAnyOrder("kf4-brukarundersokning-trygghet-delaktighet=äldre",
                        "kf4-elevenkat-trygghet-delaktighet=elever");
    }

    @Test
    void everyGoalStatesFourDelmalAndTheAssignmentOfKsau38OpensTheAmbitionReview() {
        assertThat(changes()).filteredOn(c -> "stateDelmalCount".equals(c.op()))
                .extracting(c -> c.goal() + "=" + c.count()).containsExactlyInAnyOrder("KF1=4", "KF2=4", "KF3=4", "KF4=4");
        HistoryFile.DecisionEntry ksau38 = file.decisions().stream().filter(d -> d.key().equals("ksau-2022-02-23-p38"))
                .findFirst().orElseThrow();
        assertThat(ksau38.changes()).extracting(HistoryFile.Change::op).containsExactly("openAmbitionReview");
        // A Dnr stands only on the decision whose own paper prints it.
        assertThat(file.decisions()).filteredOn(d -> d.caseNumber() != null).extracting(HistoryFile.DecisionEntry::key)
                .containsExactly("ks-2019-03-06-p58");
    }

    @Test
    void everyRemissAnswerOfSeed000StandsOnItsLinesWordForWord() throws IOException {
        assertThat(file.consultations()).hasSize(1);
        HistoryFile.ConsultationEntry remiss = file.consultations().get(0);
        List<String> problems = new ArrayList<>();
        check(remiss.key(), remiss.source(), problems);
        Set<String> keys = new HashSet<>();
        for (HistoryFile.ResponseEntry r : remiss.responses()) {
            String key = remiss.key() + "/" + r.key();
            assertThat(keys.add(r.key())).as("unique " + key).isTrue();
            assertThat(r.respondent()).as(key).isNotNull();
            check(key, r.source(), problems);
            // Not only the quote: the answer's own words stand on its lines too.
            for (String words : new String[]{r.comment(), r.proposedAnswer(), r.outcomeText()}) {
                if (words != null) {
                    check(key, new HistoryFile.Source(r.source().seed(), r.source().lines(), words), problems);
                }
            }
            assertThat(r.outcome()).as(key + ": outcome read from '" + r.outcomeText() + "'").isEqualTo(outcomeOf(r.outcomeText()));
            int first = Integer.parseInt(r.source().lines().split("-")[0]);
            assertThat(first).as(key + " lies in the answer table").isBetween(148, 414);
            for (HistoryFile.ChangeLink link : r.changes()) {
                assertThat(Citation.parse(link.decision()).toString()).isEqualTo(link.decision());
                assertThat(link.reason()).as(key).isNotBlank();
                assertThat(file.decisions().stream().filter(d -> d.citation().equals(link.decision()))
                        .flatMap(d -> d.changes().stream()).anyMatch(c -> link.entity().equals(c.id())))
                        .as(key + ": " + link.decision() + " defines " + link.entity() + " in this file").isTrue();
            }
        }
        assertThat(problems).isEmpty();
        assertThat(remiss.responses()).as("every answer of l.148-414").hasSize(39);
        assertThat(remiss.responses()).filteredOn(r -> r.outcome() == ConsultationOutcome.NEJ).hasSize(5);
        assertThat(remiss.responses()).filteredOn(r -> !r.changes().isEmpty()).extracting(HistoryFile.ResponseEntry::key)
                .containsExactly("bun-9", "sn-3", "sn-4", "vsbo-1", "vsbo-2");
    }

    /** The header's reading of the "Ändring" column (choice 12). */
    private static ConsultationOutcome outcomeOf(String words) {
        if (words == null || words.startsWith("Inget krav") || words.startsWith("Inga krav")) {
            return null;
        }
        if (words.equals("Ja, ska tas fram")) {
            return ConsultationOutcome.JA_SKA_TAS_FRAM;
        }
        if (words.startsWith("Ja") || words.startsWith("Remiss 1: Ja")) {
            return ConsultationOutcome.JA;
        }
        if (words.startsWith("Nej")) {
            return ConsultationOutcome.NEJ;
        }
        return words.equals("Delvis") ? ConsultationOutcome.DELVIS : null;
    }

    @Test
    void ksOwnGoalsAreASecondProgrammeOwnedByKsWithWhatThePapersDoNotGiveMarkedMissing() {
        List<HistoryFile.Change> ks = file.decisions().stream().filter(d -> d.citation().equals("KS 2020-02"))
                .findFirst().orElseThrow().changes();
        assertThat(ks).extracting(HistoryFile.Change::op)
                .containsExactly("createProgramme", "addGoal", "addGoal", "addGoal", "addGoal");
        assertThat(ks.get(0).ownerOrgan()).isEqualTo("KS");
        assertThat(ks).allSatisfy(c -> assertThat(c.effectiveFrom()).as("month precision, as the paper").isEqualTo("2020-02"));
        assertThat(ks.subList(1, 5)).allSatisfy(c -> {
            assertThat(c.name()).endsWith("namnet anges ej i underlaget");
            assertThat(c.note()).isNotBlank();
        });
    }

    @Test
    void decisionsAreInDecisionOrderAndKeysAndIdsAreUnique() {
        MeetingDate previous = null;
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (HistoryFile.DecisionEntry decision : file.decisions()) {
            Citation citation = Citation.parse(decision.citation());
            assertThat(decision.title()).as(decision.key()).isNotBlank();
            assertThat(decision.key()).isEqualTo(citation.decisionId().value());
            if (previous != null) {
                assertThat(order(citation.meetingDate(), previous)).as("order at " + decision.key())
                        .isGreaterThanOrEqualTo(order(previous, citation.meetingDate()));
            }
            previous = citation.meetingDate();
            if (citation.incomplete()) {
                assertThat(decision.note()).as("an incomplete decision says what is missing: " + decision.key()).isNotBlank();
            }
            assertThat(keys.add(decision.key())).as("unique key " + decision.key()).isTrue();
            // Keys travel as idempotency keys: visible ASCII, at most 200 characters with the prefix.
            assertThat(decision.key()).matches("[\\x21-\\x7E]{1,60}");
            for (HistoryFile.Change change : decision.changes()) {
                assertThat(OPS).as(change.key()).contains(change.op());
                assertThat(keys.add(decision.key() + "/" + change.key())).as("unique key " + change.key()).isTrue();
                assertThat(change.key()).matches("[\\x21-\\x7E]{1,80}");
                if (change.id() != null) {
                    assertThat(ids.add(change.op() + ":" + change.id())).as("unique id " + change.id()).isTrue();
                }
                if (citation.meetingDate().monthOnly()) {
                    assertThat(change.effectiveFrom()).as("a month-only decision needs an explicit effectiveFrom: "
                            + change.key()).isNotNull();
                    assertThat(change.note() != null || decision.note() != null).isTrue();
                }
                if ("defineIndicator".equals(change.op())) {
                    assertThat(change.unit()).as(change.key()).isNotBlank().hasSizeLessThanOrEqualTo(50);
                    assertThat(change.kind()).isNotNull();
                    assertThat(change.direction()).isNotNull();
                    assertThat(change.politicallyDecidedTarget()).as("the papers decide no målvärde").isNotEqualTo(Boolean.TRUE);
                }
            }
        }
    }

    /** A month-only date is ordered by its month only: its day may fall before or after any day of that month. */
    private static int order(MeetingDate date, MeetingDate other) {
        boolean byMonth = date.monthOnly() || other.monthOnly();
        return date.year() * 10_000 + date.month() * 100 + (byMonth ? 0 : date.day());
    }

    private static int check(String key, HistoryFile.Source source, List<String> problems) throws IOException {
        if (source == null || source.seed() == null) {
            problems.add(key + ": no source");
            return 0;
        }
        List<String> lines;
        try (InputStream in = HistoryFileTest.class.getClassLoader().getResourceAsStream(HistoryFile.SEEDS + source.seed())) {
            if (in == null) {
                problems.add(key + ": seed " + source.seed() + " does not exist");
                return 0;
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Matcher m = LINES.matcher(source.lines() == null ? "" : source.lines());
        if (!m.matches()) {
            problems.add(key + ": lines '" + source.lines() + "' is not N or N-M");
            return 0;
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (first < 1 || last < first || last > lines.size()) {
            problems.add(key + ": lines " + source.lines() + " outside " + source.seed() + " (" + lines.size() + " lines)");
            return 0;
        }
        if (source.quote() == null || source.quote().isBlank()) {
            problems.add(key + ": no quote");
            return 0;
        }
        String cited = normal(String.join(" ", lines.subList(first - 1, last)));
        if (!cited.contains(normal(source.quote()))) {
            problems.add(key + ": '" + source.quote() + "' is not on " + source.seed() + " lines " + source.lines());
            return 0;
        }
        return 1;
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[\\s\\u00A0\\u2007\\u202F\\uF0B7\\uF0A7]+", " ").strip().toLowerCase(Locale.ROOT)
                // a word the paper breaks over two lines ("budget-" / "sammanhang") reads as one
                .replace("- ", "-");
    }
}
