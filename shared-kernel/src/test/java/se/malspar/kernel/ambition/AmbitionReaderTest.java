package se.malspar.kernel.ambition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static se.malspar.kernel.ambition.MarginUnit.ABSOLUTE;
import static se.malspar.kernel.ambition.MarginUnit.PERCENT;
import static se.malspar.kernel.ambition.MarginUnit.PERCENTAGE_POINTS;
import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.AT_LEAST;
import static se.malspar.kernel.ambition.RuleComparator.AT_MOST;
import static se.malspar.kernel.ambition.RuleComparator.BELOW;
import static se.malspar.kernel.ambition.RuleComparator.DONE;
import static se.malspar.kernel.ambition.RuleComparator.POSITIVE_TREND;
import static se.malspar.kernel.ambition.RuleReference.COUNTY;
import static se.malspar.kernel.ambition.RuleReference.NATIONAL;
import static se.malspar.kernel.ambition.RuleReference.OWN_BASELINE;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmbitionReaderTest {

    static AmbitionRule rule(RuleComparator c, RuleReference r) {
        return AmbitionRule.of(c, r);
    }

    static AmbitionRule rule(RuleComparator c, RuleReference r, String margin, MarginUnit unit, Integer year,
                             String group) {
        return new AmbitionRule(c, r, margin == null ? null : new BigDecimal(margin), unit, year, group);
    }

    static Arguments row(String text, List<AmbitionRule> rules, Integer year, boolean ambiguous, String finding) {
        return Arguments.of(text, rules, year, ambiguous, finding);
    }

    static final String PERCENT_SIGN = "”%” kan betyda procent eller procentenheter / ”%” may mean percent or percentage points";
    static final String UNDECIDED = AmbitionReading.UNDECIDED_PREFIX;
    static final String UNREAD = AmbitionReading.UNREAD_PREFIX;

    /** Every ambition phrase of seeds 000/001 (verbatim), plus what a strategy office would type. */
    static Stream<Arguments> phrases() {
        return Stream.of(
                // --- seed 000, verbatim ---
                row("+ 4% över riket 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", null, 2022, null)), 2022, true, PERCENT_SIGN),
                row("+4 % över riket 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", null, 2022, null)), 2022, true, PERCENT_SIGN),
                row("ambitionsnivå + 4% över riket 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", null, 2022, null)), 2022, true, PERCENT_SIGN),
                row("över riket", List.of(rule(ABOVE, NATIONAL)), null, false, null),
                row("ambitionsnivå: över riket", List.of(rule(ABOVE, NATIONAL)), null, false, null),
                row("positiv trend och över riket",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL)), null, false, null),
                row("positiv utveckling och över länet (äldre) eller riket (elever)",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE, null, null, null, "äldre"),
                                rule(ABOVE, COUNTY, null, null, null, "äldre"),
                                rule(POSITIVE_TREND, OWN_BASELINE, null, null, null, "elever"),
                                rule(ABOVE, NATIONAL, null, null, null, "elever")),
                        null, false, null),
                row("Ambitionsnivå: positiv utveckling och över länet (äldre) eller riket (elever)",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE, null, null, null, "äldre"),
                                rule(ABOVE, COUNTY, null, null, null, "äldre"),
                                rule(POSITIVE_TREND, OWN_BASELINE, null, null, null, "elever"),
                                rule(ABOVE, NATIONAL, null, null, null, "elever")),
                        null, false, null),
                row("ambitionsnivå år 2030", List.of(), 2030, true, "bara året 2030"),
                row("Ambitionsnivå behov av dialog", List.of(), null, false, UNDECIDED + "”behov av dialog”"),
                row("förslag ambitionsnivå", List.of(), null, false, UNDECIDED + "”förslag”"),
                row("ska definieras", List.of(), null, false, UNDECIDED + "”ska definieras”"),
                row("ska tas fram", List.of(), null, false, UNDECIDED + "”ska tas fram”"),
                // --- further seed 000 phrases around ambition levels ---
                row("Mätvärden ska tas fram nuläge och ambitionsnivå", List.of(), null, false, UNDECIDED + "”ska tas fram”"),
                row("Mätvärden - förslag ambitionsnivå", List.of(), null, false, UNDECIDED + "”förslag”"),
                row("Ja, ska tas fram", List.of(), null, false, UNDECIDED + "”ska tas fram”"),
                row("ambitionsnivån behöver korrigeras för att vara rimlig", List.of(), null, false,
                        UNDECIDED + "”behöver korrigeras”"),
                row("saknas möjlig mätmetod", List.of(), null, false, UNDECIDED + "”saknas”"),
                row("nytt, enligt önskemål BUN - ska definieras", List.of(), null, false, UNDECIDED + "”ska definieras”"),
                row("Ohälsotal ambitionsnivå", List.of(), null, true, UNREAD + "”Ohälsotal”"),
                // --- seed 002: "en planerad aktivitet är genomförd" ---
                row("en planerad aktivitet är genomförd", List.of(rule(DONE, RuleReference.ABSOLUTE)), null, false, null),
                // --- variants ---
                row("över länet", List.of(rule(ABOVE, COUNTY)), null, false, null),
                row("under riket", List.of(rule(BELOW, NATIONAL)), null, false, null),
                row("lägre än länet", List.of(rule(BELOW, COUNTY)), null, false, null),
                row("högre än riksgenomsnittet", List.of(rule(ABOVE, NATIONAL)), null, false, null),
                row("över rikets genomsnitt", List.of(rule(ABOVE, NATIONAL)), null, false, null),
                row("över länsgenomsnittet", List.of(rule(ABOVE, COUNTY)), null, false, null),
                row("över länets", List.of(rule(ABOVE, COUNTY)), null, false, null),
                row("över riket och länet", List.of(rule(ABOVE, NATIONAL), rule(ABOVE, COUNTY)), null, false, null),
                row("lägst 80 %", List.of(rule(AT_LEAST, RuleReference.ABSOLUTE, "80", PERCENT, null, null)), null, false, null),
                row("minst 80 procent", List.of(rule(AT_LEAST, RuleReference.ABSOLUTE, "80", PERCENT, null, null)), null, false, null),
                row("minst 80%", List.of(rule(AT_LEAST, RuleReference.ABSOLUTE, "80", PERCENT, null, null)), null, false, null),
                row("högst 5", List.of(rule(AT_MOST, RuleReference.ABSOLUTE, "5", ABSOLUTE, null, null)), null, false, null),
                row("minst 1 000 st", List.of(rule(AT_LEAST, RuleReference.ABSOLUTE, "1000", ABSOLUTE, null, null)), null, false, null),
                row("mer än 90 % 2030", List.of(rule(ABOVE, RuleReference.ABSOLUTE, "90", PERCENT, 2030, null)), 2030, false, null),
                row("+4 procentenheter över riket 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS, 2022, null)), 2022, false, null),
                row("+4 %-enheter över riket 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS, 2022, null)), 2022, false, null),
                row("4 p.e. över riket", List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS, null, null)), null, false, null),
                row("4 procent över riket", List.of(rule(ABOVE, NATIONAL, "4", PERCENT, null, null)), null, false, null),
                row("2,5 procentenheter över länet",
                        List.of(rule(ABOVE, COUNTY, "2.5", PERCENTAGE_POINTS, null, null)), null, false, null),
                row("över riket med 3 procentenheter",
                        List.of(rule(ABOVE, NATIONAL, "3", PERCENTAGE_POINTS, null, null)), null, false, null),
                row("minst 2 procentenheter över riket",
                        List.of(rule(AT_LEAST, NATIONAL, "2", PERCENTAGE_POINTS, null, null)), null, false, null),
                row("genomförd", List.of(rule(DONE, RuleReference.ABSOLUTE)), null, false, null),
                row("aktiviteten genomförd", List.of(rule(DONE, RuleReference.ABSOLUTE)), null, false, null),
                row("genomförs", List.of(rule(DONE, RuleReference.ABSOLUTE)), null, false, null),
                row("aktiviteten genomförd 2022", List.of(rule(DONE, RuleReference.ABSOLUTE).withTargetYear(2022)), 2022, false, null),
                row("positiv trend", List.of(rule(POSITIVE_TREND, OWN_BASELINE)), null, false, null),
                row("positiv utveckling", List.of(rule(POSITIVE_TREND, OWN_BASELINE)), null, false, null),
                row("positiv trend till 2030", List.of(rule(POSITIVE_TREND, OWN_BASELINE).withTargetYear(2030)), 2030, false, null),
                row("i nivå med riket", List.of(rule(AT_LEAST, NATIONAL)), null, true, "”i nivå med”"),
                row("minst i nivå med länet", List.of(rule(AT_LEAST, COUNTY)), null, false, null),
                row("i nivå med eller över riket", List.of(rule(AT_LEAST, NATIONAL)), null, false, null),
                row("+4 över riket", List.of(rule(ABOVE, NATIONAL, "4", null, null, null)), null, true, "”+4” saknar enhet"),
                row("bra resultat", List.of(), null, true, UNREAD + "”bra resultat”"),
                row("positiv trend och bra resultat", List.of(rule(POSITIVE_TREND, OWN_BASELINE)), null, true,
                        UNREAD + "”bra resultat”"),
                row("över riket eller länet", List.of(), null, true, "utan målgrupper"),
                row("positiv trend eller över riket", List.of(), null, true, "utan målgrupper"),
                row("ej genomförd", List.of(), null, true, "nekade villkor"),
                row("under 2022", List.of(), null, true, "ett år eller ett gränsvärde"),
                row("över riket 2022 och 2030", List.of(rule(ABOVE, NATIONAL)), null, true, "flera år anges"),
                row("över riket (2022)", List.of(rule(ABOVE, NATIONAL).withTargetYear(2022)), 2022, false, null),
                row("+4 % över riket och länet 2022",
                        List.of(rule(ABOVE, NATIONAL, "4", null, 2022, null), rule(ABOVE, COUNTY, "4", null, 2022, null)),
                        2022, true, PERCENT_SIGN),
                row("över länet (äldre) respektive riket (elever)",
                        List.of(rule(ABOVE, COUNTY, null, null, null, "äldre"),
                                rule(ABOVE, NATIONAL, null, null, null, "elever")), null, false, null),
                row("över länet (äldre) och riket", List.of(), null, true, "bara en del av referenserna"),
                row("högst 2 procentenheter under riket", List.of(), null, true, "stöds inte"),
                row("", List.of(), null, true, "texten är tom"),
                row("ambitionsnivå", List.of(), null, true, "texten anger ingen ambitionsnivå"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("phrases")
    void readsEveryPhraseOfTheTable(String text, List<AmbitionRule> rules, Integer year, boolean ambiguous,
                                    String finding) {
        AmbitionReading reading = AmbitionReader.read(text);

        assertThat(reading.rules()).as("rules").containsExactlyElementsOf(rules);
        assertThat(reading.targetYear()).as("targetYear").isEqualTo(year);
        assertThat(reading.ambiguous()).as("ambiguous").isEqualTo(ambiguous);
        if (finding == null) {
            assertThat(reading.findings()).as("findings").isEmpty();
        } else {
            assertThat(reading.findings()).as("findings").anySatisfy(f -> assertThat(f).contains(finding));
        }
        assertThat(reading.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("phrases")
    void everyFindingIsSwedishThenEnglishAndEmptyReadingsExplainThemselves(String text) {
        AmbitionReading reading = AmbitionReader.read(text);

        assertThat(reading.findings()).allSatisfy(f -> assertThat(f).contains(" / "));
        if (reading.rules().isEmpty()) {
            assertThat(reading.findings()).isNotEmpty();
            assertThat(reading.complete()).isFalse();
        }
        if (reading.ambiguous() == false && !reading.rules().isEmpty()) {
            assertThat(reading.findings()).isEmpty();
        }
    }

    @Test
    void percentSignAfterNationalReferenceIsAmbiguous() {
        AmbitionReading reading = AmbitionReader.read("+4 % över riket 2022");

        assertThat(reading.rules()).singleElement().satisfies(r -> {
            assertThat(r.margin()).isEqualByComparingTo("4");
            assertThat(r.marginUnit()).isNull();
        });
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.findings()).containsExactly(PERCENT_SIGN);
        // Everything in the text is represented; only the unit is open.
        assertThat(reading.complete()).isTrue();
    }

    @Test
    void percentSignAfterAbsoluteThresholdIsPlainPercent() {
        AmbitionReading reading = AmbitionReader.read("minst 80 %");

        assertThat(reading.rules()).containsExactly(rule(AT_LEAST, RuleReference.ABSOLUTE, "80", PERCENT, null, null));
        assertThat(reading.ambiguous()).isFalse();
    }

    @Test
    void procentenheterIsPercentagePointsAndProcentIsPercent() {
        assertThat(AmbitionReader.read("+4 procentenheter över riket").rules().get(0).marginUnit())
                .isEqualTo(PERCENTAGE_POINTS);
        assertThat(AmbitionReader.read("4 procent över riket").rules().get(0).marginUnit()).isEqualTo(PERCENT);
    }

    @Test
    void decimalCommaIsReadAsDecimal() {
        assertThat(AmbitionReader.read("2,5 procentenheter över riket").rules().get(0).margin())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void caseSpacingAndNonBreakingSpacesDoNotMatter() {
        AmbitionReading plain = AmbitionReader.read("+4 procentenheter över riket 2022");

        for (String variant : List.of("+4 PROCENTENHETER ÖVER RIKET 2022", "  +4\u00a0procentenheter   över\triket\u202f2022 ",
                "+ 4 Procentenheter Över Riket 2022")) {
            AmbitionReading r = AmbitionReader.read(variant);
            assertThat(r.rules()).isEqualTo(plain.rules());
            assertThat(r.ambiguous()).isFalse();
        }
    }

    @Test
    void decomposedUnicodeIsNormalisedToNfc() {
        String decomposed = "o\u0308ver la\u0308net"; // "över länet" typed with combining diaeresis

        AmbitionReading reading = AmbitionReader.read(decomposed);

        assertThat(reading.rules()).containsExactly(rule(ABOVE, COUNTY));
        assertThat(reading.text()).isEqualTo("över länet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"riket", "rikets", "riksgenomsnittet", "Riket"})
    void nationalSpellingsAllMeanNational(String word) {
        assertThat(AmbitionReader.read("över " + word).rules()).containsExactly(rule(ABOVE, NATIONAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"länet", "länets", "länsgenomsnittet", "LÄNET"})
    void countySpellingsAllMeanCounty(String word) {
        assertThat(AmbitionReader.read("över " + word).rules()).containsExactly(rule(ABOVE, COUNTY));
    }

    @Test
    void targetGroupsAreSeparateAssessmentsSharingTheCommonCondition() {
        AmbitionReading reading = AmbitionReader.read("positiv utveckling och över länet (äldre) eller riket (elever)");

        assertThat(reading.rules()).filteredOn(r -> "äldre".equals(r.targetGroup()))
                .extracting(AmbitionRule::comparator, AmbitionRule::reference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(POSITIVE_TREND, OWN_BASELINE),
                        org.assertj.core.groups.Tuple.tuple(ABOVE, COUNTY));
        assertThat(reading.rules()).filteredOn(r -> "elever".equals(r.targetGroup()))
                .extracting(AmbitionRule::reference)
                .containsExactly(OWN_BASELINE, NATIONAL);
        assertThat(reading.complete()).isTrue();
    }

    @Test
    void yearWithoutLevelIsAmbiguousAndSaysOnlyTheYearIsStated() {
        AmbitionReading reading = AmbitionReader.read("ambitionsnivå år 2030");

        assertThat(reading.rules()).isEmpty();
        assertThat(reading.targetYear()).isEqualTo(2030);
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.findings()).singleElement().asString()
                .contains("anges inte").contains("not stated").contains("2030");
    }

    @Test
    void undecidedLevelIsReportedNotGuessed() {
        AmbitionReading reading = AmbitionReader.read("Ambitionsnivå behov av dialog");

        assertThat(reading.rules()).isEmpty();
        assertThat(reading.complete()).isFalse();
        assertThat(reading.findings()).singleElement().asString().startsWith(UNDECIDED);
    }

    @Test
    void unknownTextGivesNoRulesAndQuotesTheText() {
        AmbitionReading reading = AmbitionReader.read("bra resultat");

        assertThat(reading.rules()).isEmpty();
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.findings()).containsExactly("kunde inte tolkas / could not be read: ”bra resultat”");
    }

    @Test
    void partiallyUnderstoodTextKeepsWhatItReadAndReportsTheRest() {
        AmbitionReading reading = AmbitionReader.read("positiv trend och bra resultat");

        assertThat(reading.rules()).containsExactly(rule(POSITIVE_TREND, OWN_BASELINE));
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.complete()).isFalse();
        assertThat(reading.findings()).containsExactly(UNREAD + "”bra resultat”");
    }

    @Test
    void alternativeWithoutTargetGroupsIsNotGuessed() {
        AmbitionReading reading = AmbitionReader.read("positiv trend och över riket eller länet");

        assertThat(reading.rules()).containsExactly(rule(POSITIVE_TREND, OWN_BASELINE));
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.findings()).singleElement().asString().startsWith(UNREAD + "”över riket eller länet”");
    }

    @Test
    void proposalTextWithARuleKeepsTheRuleButIsNotComplete() {
        AmbitionReading reading = AmbitionReader.read("förslag: över riket");

        assertThat(reading.rules()).containsExactly(rule(ABOVE, NATIONAL));
        assertThat(reading.ambiguous()).isTrue();
        assertThat(reading.complete()).isFalse();
    }

    @Test
    void yearIsCopiedIntoEveryRule() {
        AmbitionReading reading = AmbitionReader.read("positiv trend och +4 procentenheter över riket 2022");

        assertThat(reading.rules()).hasSize(2).allSatisfy(r -> assertThat(r.targetYear()).isEqualTo(2022));
    }

    @Test
    void readingIsDeterministic() {
        String text = "positiv utveckling och över länet (äldre) eller riket (elever) 2030";

        assertThat(AmbitionReader.read(text)).isEqualTo(AmbitionReader.read(text));
    }

    @Test
    void nullTextIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> AmbitionReader.read(null));
    }
}
