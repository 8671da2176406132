package se.malspar.kernel.fulfilment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.ambition.AmbitionReading;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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
import static se.malspar.kernel.fulfilment.Verdict.GREEN;
import static se.malspar.kernel.fulfilment.Verdict.NOT_ASSESSED;
import static se.malspar.kernel.fulfilment.Verdict.RED;
import static se.malspar.kernel.fulfilment.Verdict.YELLOW;
import static se.malspar.kernel.programme.indicator.Direction.HIGHER_IS_BETTER;
import static se.malspar.kernel.programme.indicator.Direction.LOWER_IS_BETTER;

class AssessmentPrincipleTest {

    // ---- builders --------------------------------------------------------------------------------------

    static AmbitionRule rule(RuleComparator c, RuleReference r) {
        return AmbitionRule.of(c, r);
    }

    static AmbitionRule rule(RuleComparator c, RuleReference r, String margin, MarginUnit unit) {
        return new AmbitionRule(c, r, new BigDecimal(margin), unit, null, null);
    }

    static AmbitionRule threshold(RuleComparator c, String value, MarginUnit unit) {
        return new AmbitionRule(c, RuleReference.ABSOLUTE, new BigDecimal(value), unit, null, null);
    }

    /** value, then optional national and county (null = not recorded). */
    static Observation obs(String period, String value, String national, String county) {
        return obs(period, value, null, national, county);
    }

    static Observation obs(String period, String value, String dataPeriod, String national, String county) {
        Map<ReferenceArea, BigDecimal> refs = new EnumMap<>(ReferenceArea.class);
        if (national != null) {
            refs.put(ReferenceArea.NATIONAL, new BigDecimal(national));
        }
        if (county != null) {
            refs.put(ReferenceArea.COUNTY, new BigDecimal(county));
        }
        return new Observation(period, value == null ? null : new BigDecimal(value), null, dataPeriod, refs);
    }

    static Observation value(String period, String value) {
        return obs(period, value, null, null);
    }

    static Observation activity(String period, Boolean done) {
        return new Observation(period, null, done, null, Map.of());
    }

    static AssessmentInput measured(String period, List<AmbitionRule> rules, Direction direction,
                                    Observation... history) {
        return new AssessmentInput(period, rules, false, direction, IndicatorKind.MEASURED, null, null,
                Arrays.asList(history));
    }

    static Arguments row(String behaviour, AssessmentInput input, Verdict verdict, String svFragment) {
        return Arguments.of(behaviour, input, verdict, svFragment);
    }

    // ---- the table -------------------------------------------------------------------------------------

    static Stream<Arguments> table() {
        return Stream.of(
                // över / under riket and länet, no margin
                row("above national holds", measured("2022-T2", List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER,
                        obs("2022-T2", "86.0", "85.6", null)), GREEN, "86,0 − 85,6 (riket) = +0,4"),
                row("above national is strict: equal fails", measured("2022-T2", List.of(rule(ABOVE, NATIONAL)),
                        HIGHER_IS_BETTER, obs("2022-T2", "85.6", "85.6", null)), RED, "= 0,0"),
                row("at least level with national: equal holds", measured("2022-T2", List.of(rule(AT_LEAST, NATIONAL)),
                        HIGHER_IS_BETTER, obs("2022-T2", "85.6", "85.6", null)), GREEN, "minst i nivå med riket"),
                row("above county fails below it", measured("2022-AR", List.of(rule(ABOVE, COUNTY)), HIGHER_IS_BETTER,
                        obs("2022-AR", "70", "60", "75")), RED, "70,0 − 75,0 (länet) = −5,0"),
                row("below county holds", measured("2022-AR", List.of(rule(BELOW, COUNTY)), LOWER_IS_BETTER,
                        obs("2022-AR", "4.9", null, "5.3")), GREEN, "under länet"),
                row("at most national: equal holds", measured("2022-AR", List.of(rule(AT_MOST, NATIONAL)),
                        LOWER_IS_BETTER, obs("2022-AR", "6", "6", null)), GREEN, "högst i nivå med riket"),
                // margins: procentenheter (difference)
                row("4 percentage points above national reached", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                        obs("2022-AR", "90.0", "85.6", null)), GREEN, "= +4,4 procentenheter"),
                row("4 percentage points above national: below national fails", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                        obs("2022-AR", "81.2", "85.6", null)), RED,
                        "81,2 − 85,6 (riket) = −4,4 procentenheter; målet är mer än +4 procentenheter över riket"),
                row("4 percentage points: above national but margin not reached is partly", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                        obs("2022-AR", "87.0", "85.6", null)), YELLOW, "marginalen är inte nådd"),
                row("at least 2 percentage points above: exactly 2 holds", measured("2022-AR",
                        List.of(rule(AT_LEAST, NATIONAL, "2", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                        obs("2022-AR", "87.6", "85.6", null)), GREEN, "minst +2 procentenheter över riket"),
                // margins: procent (relative)
                row("4 percent above national: 85.6 × 1.04 = 89.024 exceeded", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENT)), HIGHER_IS_BETTER,
                        obs("2022-AR", "89.1", "85.6", null)), GREEN, "85,6 × 1,04 = 89,0"),
                row("4 percent above national: 89.0 is just below 89.024, partly", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENT)), HIGHER_IS_BETTER,
                        obs("2022-AR", "89.0", "85.6", null)), YELLOW, "(89,0 − 85,6) / 85,6 = +4,0 %"),
                row("10 percent below national: between limit and reference is partly", measured("2022-AR",
                        List.of(rule(BELOW, NATIONAL, "10", PERCENT)), LOWER_IS_BETTER,
                        obs("2022-AR", "5.5", "6", null)), YELLOW, "6,0 × 0,9 = 5,4"),
                row("percent of a zero reference cannot be assessed", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENT)), HIGHER_IS_BETTER,
                        obs("2022-AR", "3", "0", null)), NOT_ASSESSED, "procentuell skillnad kan inte beräknas"),
                // margins: own unit
                row("at least 2 above county in the indicator's unit", measured("2022-AR",
                        List.of(rule(AT_LEAST, COUNTY, "2", ABSOLUTE)), HIGHER_IS_BETTER,
                        obs("2022-AR", "12", null, "10")), GREEN, "minst +2 över länet"),
                row("at most 1 percentage point below county", measured("2022-AR",
                        List.of(rule(AT_MOST, COUNTY, "1", PERCENTAGE_POINTS)), LOWER_IS_BETTER,
                        obs("2022-AR", "5.5", null, "6")), YELLOW, "minst −1 procentenheter under länet"),
                // absolute thresholds
                row("at least 80 %: 80 holds", measured("2022-AR", List.of(threshold(AT_LEAST, "80", PERCENT)),
                        HIGHER_IS_BETTER, value("2022-AR", "80")), GREEN, "mot gränsvärdet 80 %"),
                row("at least 80 %: 79.9 fails", measured("2022-AR", List.of(threshold(AT_LEAST, "80", PERCENT)),
                        HIGHER_IS_BETTER, value("2022-AR", "79.9")), RED, "79,9 − 80 = −0,1 %"),
                row("more than 90 %: 90 fails", measured("2022-AR", List.of(threshold(ABOVE, "90", PERCENT)),
                        HIGHER_IS_BETTER, value("2022-AR", "90")), RED, "över 90 %"),
                row("at most 5: 5 holds", measured("2022-AR", List.of(threshold(AT_MOST, "5", ABSOLUTE)),
                        LOWER_IS_BETTER, value("2022-AR", "5")), GREEN, "högst 5"),
                row("below 5: 5 fails", measured("2022-AR", List.of(threshold(BELOW, "5", ABSOLUTE)),
                        LOWER_IS_BETTER, value("2022-AR", "5")), RED, "under 5"),
                // direction: comparators as written
                row("lower-is-better with 'över riket' is applied as written", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL)), LOWER_IS_BETTER, obs("2022-AR", "7", "6", null)), GREEN,
                        "regeln tillämpas som den är skriven"),
                // positive trend
                row("positive trend, higher is better, improved", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), HIGHER_IS_BETTER,
                        value("2021-AR", "70"), value("2022-AR", "72")), GREEN, "72,0 − 70,0 = +2,0 jämfört med 2021-AR"),
                row("positive trend, lower is better, a rise is a deterioration", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), LOWER_IS_BETTER,
                        value("2021-AR", "70"), value("2022-AR", "72")), RED, "lägre är bättre → försämring"),
                row("positive trend, lower is better, a fall is an improvement", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), LOWER_IS_BETTER,
                        value("2021-AR", "72"), value("2022-AR", "70")), GREEN, "förbättring"),
                row("positive trend, unchanged is partly", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), HIGHER_IS_BETTER,
                        value("2021-AR", "70"), value("2022-AR", "70.0")), YELLOW, "oförändrat"),
                row("positive trend without an earlier value is not assessed", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), HIGHER_IS_BETTER, value("2022-AR", "70")),
                        NOT_ASSESSED, "inget tidigare värde"),
                row("positive trend skips re-recordings of the same data period", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), HIGHER_IS_BETTER,
                        obs("2022-T1", "70", "2020", null, null), obs("2022-T2", "72", "2021", null, null),
                        obs("2022-AR", "72", "2021", null, null)), GREEN, "jämfört med 2022-T1 (dataperiod 2020)"),
                row("positive trend without a direction is not assessed", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE)), null,
                        value("2021-AR", "70"), value("2022-AR", "72")), NOT_ASSESSED, "riktning"),
                // missing reference values
                row("missing national value: the rule is not assessed", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2022-AR", "80", null, "70")),
                        NOT_ASSESSED, "referensvärdet för riket saknas"),
                row("missing national value: the trend alone decides, and the gap is named", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER,
                        value("2021-AR", "70"), value("2022-AR", "72")), GREEN, "ej bedömbara 1 (räknas inte)"),
                // missing and stale data
                row("no observation at all", measured("2022-AR", List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER),
                        NOT_ASSESSED, "data saknas"),
                row("an observation without value or done is no data", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2022-AR", null, "80", null)),
                        NOT_ASSESSED, "data saknas"),
                row("the previous period is carried forward", measured("2022-T2",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2022-T1", "80", "75", null)),
                        GREEN, "senaste värdet (2022-T1) förs fram"),
                row("a value one year old (3 periods) is carried forward", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2021-AR", "70", "75", null)),
                        RED, "förs fram"),
                row("a value 4 periods old is too old", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2021-T2", "70", "75", null)),
                        NOT_ASSESSED, "är 4 rapportperioder gammalt"),
                row("observations after the period are not used", measured("2022-T1",
                        List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, obs("2022-T2", "80", "75", null)),
                        NOT_ASSESSED, "data saknas"),
                // target year not yet reached
                row("target year ahead, not met, improving: on the way", measured("2022-T1",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                        obs("2021-AR", "80", "85", null), obs("2022-T1", "81.2", "85.6", null)), YELLOW,
                        "delvis uppfyllt (på väg)"),
                row("target year ahead, not met, without earlier value: on the way", measured("2022-T2",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                        obs("2022-T2", "81.2", "85.6", null)), YELLOW, "målåret 2022 är inte nått"),
                row("target year ahead, not met, worse than before: red", measured("2022-T2",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                        obs("2022-T1", "83", "85", null), obs("2022-T2", "81.2", "85.6", null)), RED,
                        "värdet har försämrats sedan 2022-T1"),
                row("target year reached at its annual report: not met is red", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                        obs("2022-T2", "80", "85", null), obs("2022-AR", "81.2", "85.6", null)), RED,
                        "mer än +4 procentenheter över riket år 2022"),
                row("target year ahead, already met: green", measured("2021-AR",
                        List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                        obs("2021-AR", "90", "85", null)), GREEN, "uppfyllt"),
                // several rules (same group: all must hold)
                row("two rules, both hold", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER,
                        obs("2021-AR", "70", "71", null), obs("2022-AR", "72", "71", null)), GREEN,
                        "2 villkor: uppfyllda 2, delvis uppfyllda 0, ej uppfyllda 0"),
                row("two rules, one holds", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER,
                        obs("2021-AR", "70", "75", null), obs("2022-AR", "72", "75", null)), YELLOW,
                        "2 villkor: uppfyllda 1, delvis uppfyllda 0, ej uppfyllda 1"),
                row("two rules, none holds", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER,
                        obs("2021-AR", "74", "75", null), obs("2022-AR", "72", "75", null)), RED,
                        "uppfyllda 0, delvis uppfyllda 0, ej uppfyllda 2"),
                row("two rules, one partly and one failing is yellow", measured("2022-AR",
                        List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)),
                        HIGHER_IS_BETTER, obs("2021-AR", "78", "75", null), obs("2022-AR", "77", "75", null)), YELLOW,
                        "uppfyllda 0, delvis uppfyllda 1, ej uppfyllda 1"),
                // target groups
                row("two target groups: the value does not say which", measured("2022-AR",
                        List.of(rule(ABOVE, COUNTY).withTargetGroup("äldre"), rule(ABOVE, NATIONAL).withTargetGroup("elever")),
                        HIGHER_IS_BETTER, obs("2022-AR", "80", "75", "75")), NOT_ASSESSED, "värdet anger inte målgrupp"),
                row("one target group: the value is the group's", measured("2022-AR",
                        List.of(rule(ABOVE, NATIONAL).withTargetGroup("elever")), HIGHER_IS_BETTER,
                        obs("2022-AR", "80", "75", null)), GREEN, "värdet tas som målgruppens värde"),
                // no level, ambiguous
                row("no rules and no target value", measured("2022-AR", List.of(), HIGHER_IS_BETTER,
                        value("2022-AR", "80")), NOT_ASSESSED, "anger ingen nivå"),
                row("a margin without a unit is ambiguous", measured("2022-AR",
                        List.of(new AmbitionRule(ABOVE, NATIONAL, new BigDecimal("4"), null, 2022, null)),
                        HIGHER_IS_BETTER, obs("2022-AR", "95", "85", null)), NOT_ASSESSED, "tvetydig ambitionsnivå"),
                row("a reading flagged ambiguous is not assessed", new AssessmentInput("2022-AR",
                        List.of(rule(AT_LEAST, NATIONAL)), true, HIGHER_IS_BETTER, IndicatorKind.MEASURED, null, null,
                        List.of(obs("2022-AR", "95", "85", null))), NOT_ASSESSED, "principen gissar inte"),
                // activities
                row("activity done", activityInput("2022-T1", null, activity("2022-T1", true)), GREEN, "genomförd → uppfyllt"),
                row("activity not done, no target year", activityInput("2022-T1", null, activity("2022-T1", false)), RED,
                        "inte genomförd → ej uppfyllt"),
                row("activity not done before its target year's annual report", activityInput("2022-T2", 2022,
                        activity("2022-T2", false)), YELLOW, "målåret 2022 är inte nått"),
                row("activity not done at its target year's annual report", activityInput("2022-AR", 2022,
                        activity("2022-AR", false)), RED, "inte genomförd → ej uppfyllt"),
                row("activity without a report", activityInput("2022-AR", null, activity("2022-AR", null)), NOT_ASSESSED,
                        "data saknas"),
                row("activity done earlier is carried forward", activityInput("2022-T2", null,
                        activity("2022-T1", true)), GREEN, "förs fram"),
                // målvärde
                row("target value met, higher is better", targetInput("2022-AR", "90", 2022, HIGHER_IS_BETTER,
                        List.of(), value("2022-AR", "91")), GREEN, "Målvärde 90 år 2022: 91,0 − 90 = +1,0"),
                row("target value met exactly, lower is better", targetInput("2022-AR", "5", null, LOWER_IS_BETTER,
                        List.of(), value("2022-AR", "5")), GREEN, "målet är högst 5"),
                row("target value missed, lower is better", targetInput("2022-AR", "5", null, LOWER_IS_BETTER,
                        List.of(), value("2022-AR", "6")), RED, "ej uppfyllt"),
                row("target value ahead, improving: on the way", targetInput("2022-AR", "90", 2025, HIGHER_IS_BETTER,
                        List.of(), value("2021-AR", "80"), value("2022-AR", "85")), YELLOW, "på väg"),
                row("target value met but rule not: yellow", targetInput("2022-AR", "80", null, HIGHER_IS_BETTER,
                        List.of(rule(ABOVE, NATIONAL)), obs("2022-AR", "81", "85", null)), YELLOW,
                        "uppfyllda 1, delvis uppfyllda 0, ej uppfyllda 1"));
    }

    static AssessmentInput activityInput(String period, Integer year, Observation... history) {
        AmbitionRule done = rule(DONE, RuleReference.ABSOLUTE).withTargetYear(year);
        return new AssessmentInput(period, List.of(done), false, null, IndicatorKind.ACTIVITY, null, null,
                Arrays.asList(history));
    }

    static AssessmentInput targetInput(String period, String target, Integer year, Direction direction,
                                       List<AmbitionRule> rules, Observation... history) {
        return new AssessmentInput(period, rules, false, direction, IndicatorKind.MEASURED, new BigDecimal(target),
                year, Arrays.asList(history));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void assessesEveryRuleKindAsTheTableSays(String behaviour, AssessmentInput input, Verdict verdict,
                                             String svFragment) {
        Assessment a = AssessmentPrinciple.assess(input);

        assertThat(a.verdict()).as(a.explanationSv()).isEqualTo(verdict);
        assertThat(a.explanationSv()).contains(svFragment);
        assertThat(a.principleVersion()).isEqualTo(AssessmentPrinciple.VERSION);
        assertThat(a.explanationSv()).contains(input.period());
        assertThat(a.explanationEn()).isNotBlank().contains(input.period());
        assertThat(a.steps()).isNotEmpty();
        // Pure: the same input gives the same answer.
        assertThat(AssessmentPrinciple.assess(input)).isEqualTo(a);
    }

    // ---- single behaviours -----------------------------------------------------------------------------

    @Test
    void explainsWhyItIsRedWithRuleInputsAndArithmeticInBothLanguages() {
        AssessmentInput input = measured("2022-AR",
                List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS).withTargetYear(2022)), HIGHER_IS_BETTER,
                obs("2022-AR", "81.23", "2021", "85.6", null));

        Assessment a = AssessmentPrinciple.assess(input);

        assertThat(a.verdict()).isEqualTo(RED);
        assertThat(a.explanationSv())
                .contains("ej uppfyllt (rött)")
                .contains("värde 81,2 rapporterat för 2022-AR (dataperiod 2021); riket 85,6")
                .contains("81,2 − 85,6 (riket) = −4,4 procentenheter; målet är mer än +4 procentenheter över riket år 2022");
        assertThat(a.explanationEn())
                .contains("not met (red)")
                .contains("value 81.2 reported for 2022-AR (data period 2021); national 85.6")
                .contains("81.2 − 85.6 (national) = −4.4 percentage points; the aim is more than +4 percentage points "
                        + "above the national value by 2022");
        assertThat(a.basedOnPeriod()).isEqualTo("2022-AR");
        assertThat(a.carriedForward()).isFalse();
    }

    @Test
    void carriedForwardValueIsMarkedAndNamesItsPeriod() {
        Assessment a = AssessmentPrinciple.assess(measured("2022-AR", List.of(rule(ABOVE, NATIONAL)),
                HIGHER_IS_BETTER, obs("2021-AR", "80", "75", null)));

        assertThat(a.carriedForward()).isTrue();
        assertThat(a.basedOnPeriod()).isEqualTo("2021-AR");
        assertThat(a.explanationEn()).contains("No value for 2022-AR; the latest value (2021-AR) is carried forward");
    }

    @Test
    void tooOldDataIsNotAssessedAndNeverRed() {
        Assessment a = AssessmentPrinciple.assess(measured("2023-T1", List.of(rule(ABOVE, NATIONAL)),
                HIGHER_IS_BETTER, obs("2021-AR", "10", "75", null)));

        assertThat(a.verdict()).isEqualTo(NOT_ASSESSED);
        assertThat(a.basedOnPeriod()).isNull();
        assertThat(a.carriedForward()).isFalse();
    }

    @Test
    void exactArithmeticDecidesNotTheRoundedDisplay() {
        // 85.64 + 4 = 89.64; 89.641 is above it although both show as 89,6.
        Assessment above = AssessmentPrinciple.assess(measured("2022-AR",
                List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                obs("2022-AR", "89.641", "85.64", null)));
        Assessment equal = AssessmentPrinciple.assess(measured("2022-AR",
                List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS)), HIGHER_IS_BETTER,
                obs("2022-AR", "89.64", "85.64", null)));

        assertThat(above.verdict()).isEqualTo(GREEN);
        assertThat(equal.verdict()).isEqualTo(YELLOW);
    }

    @Test
    void lastObservationGivenForAPeriodWins() {
        Assessment a = AssessmentPrinciple.assess(measured("2022-AR", List.of(rule(ABOVE, NATIONAL)),
                HIGHER_IS_BETTER, obs("2022-AR", "70", "75", null), obs("2022-AR", "80", "75", null)));

        assertThat(a.verdict()).isEqualTo(GREEN);
    }

    @Test
    void refusesMalformedPeriods() {
        assertThatIllegalArgumentException().isThrownBy(() -> AssessmentPrinciple.assess(
                measured("2022-T3", List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER)));
        assertThatIllegalArgumentException().isThrownBy(() -> AssessmentPrinciple.assess(
                measured("2022-AR", List.of(rule(ABOVE, NATIONAL)), HIGHER_IS_BETTER, value("2022", "1"))));
    }

    @Test
    void periodsAreOrderedTertialThenAnnualReport() {
        assertThat(AssessmentPrinciple.periodIndex("2021-AR")).isLessThan(AssessmentPrinciple.periodIndex("2022-T1"));
        assertThat(AssessmentPrinciple.periodIndex("2022-AR") - AssessmentPrinciple.periodIndex("2021-AR")).isEqualTo(3);
        assertThat(AssessmentPrinciple.targetYearReached("2022-T2", 2022)).isFalse();
        assertThat(AssessmentPrinciple.targetYearReached("2022-AR", 2022)).isTrue();
        assertThat(AssessmentPrinciple.targetYearReached("2023-T1", 2022)).isTrue();
    }

    // ---- the reader and the principle together ---------------------------------------------------------

    static Stream<Arguments> seedPhrases() {
        return Stream.of(
                Arguments.of("positiv trend och över riket", HIGHER_IS_BETTER,
                        List.of(obs("2021-AR", "70", "71", null), obs("2022-AR", "72", "71", null)), GREEN),
                Arguments.of("positiv trend och över riket", HIGHER_IS_BETTER,
                        List.of(obs("2021-AR", "70", "75", null), obs("2022-AR", "72", "75", null)), YELLOW),
                Arguments.of("+4 procentenheter över riket 2022", HIGHER_IS_BETTER,
                        List.of(obs("2022-AR", "81.2", "85.6", null)), RED),
                Arguments.of("+4 % över riket 2022", HIGHER_IS_BETTER,
                        List.of(obs("2022-AR", "95", "85.6", null)), NOT_ASSESSED),
                Arguments.of("positiv utveckling och över länet (äldre) eller riket (elever)", HIGHER_IS_BETTER,
                        List.of(obs("2021-AR", "70", "60", "60"), obs("2022-AR", "72", "60", "60")), NOT_ASSESSED),
                Arguments.of("ambitionsnivå år 2030", HIGHER_IS_BETTER,
                        List.of(obs("2022-AR", "72", "60", "60")), NOT_ASSESSED),
                Arguments.of("över riket", LOWER_IS_BETTER,
                        List.of(obs("2022-AR", "72", "60", null)), GREEN),
                Arguments.of("lägre än länet", LOWER_IS_BETTER,
                        List.of(obs("2022-AR", "72", null, "60")), RED),
                Arguments.of("minst 80 %", HIGHER_IS_BETTER, List.of(value("2022-T2", "80")), GREEN),
                Arguments.of("mer än 90 % 2030", HIGHER_IS_BETTER,
                        List.of(value("2021-AR", "70"), value("2022-AR", "75")), YELLOW),
                Arguments.of("i nivå med riket", HIGHER_IS_BETTER,
                        List.of(obs("2022-AR", "72", "72", null)), NOT_ASSESSED));
    }

    @ParameterizedTest(name = "[{index}] {0} → {3}")
    @MethodSource("seedPhrases")
    void readerAndPrincipleFitTogetherOnSeedPhrases(String text, Direction direction, List<Observation> history,
                                                    Verdict verdict) {
        AmbitionReading reading = AmbitionReader.read(text);
        String period = history.get(history.size() - 1).period();
        AssessmentInput input = new AssessmentInput(period, reading.rules(), reading.ambiguous(), direction,
                IndicatorKind.MEASURED, null, null, history);

        assertThat(AssessmentPrinciple.assess(input).verdict()).isEqualTo(verdict);
    }

    @Test
    void readerActivityPhraseIsAssessedAsDoneOrNot() {
        List<AmbitionRule> rules = AmbitionReader.read("en planerad aktivitet är genomförd").rules();

        Verdict done = AssessmentPrinciple.assess(new AssessmentInput("2020-AR", rules, false, null,
                IndicatorKind.ACTIVITY, null, null, List.of(activity("2020-AR", true)))).verdict();
        Verdict notDone = AssessmentPrinciple.assess(new AssessmentInput("2020-AR", rules, false, null,
                IndicatorKind.ACTIVITY, null, null, List.of(activity("2020-AR", false)))).verdict();

        assertThat(done).isEqualTo(GREEN);
        assertThat(notDone).isEqualTo(RED);
    }

    // ---- delmål and goal -------------------------------------------------------------------------------

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of(List.of(), NOT_ASSESSED),
                Arguments.of(List.of(NOT_ASSESSED, NOT_ASSESSED), NOT_ASSESSED),
                Arguments.of(List.of(GREEN), GREEN),
                Arguments.of(List.of(GREEN, GREEN, NOT_ASSESSED), GREEN),
                Arguments.of(List.of(GREEN, GREEN, GREEN, YELLOW), YELLOW),
                Arguments.of(List.of(GREEN, GREEN, GREEN, RED), YELLOW),
                Arguments.of(List.of(GREEN, RED), YELLOW),
                Arguments.of(List.of(GREEN, RED, RED), RED),
                Arguments.of(List.of(RED), RED),
                Arguments.of(List.of(YELLOW, YELLOW), YELLOW),
                Arguments.of(List.of(RED, RED, YELLOW, YELLOW), YELLOW),
                Arguments.of(List.of(RED, RED, RED, YELLOW, NOT_ASSESSED, NOT_ASSESSED), RED));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @MethodSource("combinations")
    void combinesIndicatorVerdictsIntoADelmalVerdict(List<Verdict> verdicts, Verdict expected) {
        assertThat(AssessmentPrinciple.combine(verdicts)).isEqualTo(expected);
    }

    @Test
    void combinationExplainsItsCountsAndRule() {
        List<Verdict> verdicts = new ArrayList<>(List.of(GREEN, RED, RED, NOT_ASSESSED));
        verdicts.add(null);

        AssessmentPrinciple.Combination c = AssessmentPrinciple.combineExplained(verdicts);

        assertThat(c.verdict()).isEqualTo(RED);
        assertThat(c.explanationSv()).contains("5 underliggande bedömningar, 3 bedömda (1 gröna, 0 gula, 2 röda), 2 ej bedömda")
                .contains("rött när fler än hälften av de bedömda är röda");
        assertThat(c.explanationEn()).contains("red when more than half of the assessed are red");
        assertThat(AssessmentPrinciple.combine(null)).isEqualTo(NOT_ASSESSED);
    }
}
