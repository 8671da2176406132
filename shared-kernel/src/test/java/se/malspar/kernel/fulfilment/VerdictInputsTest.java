package se.malspar.kernel.fulfilment;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictInputsTest {

    private static final List<AmbitionRule> TREND_AND_FOUR_POINTS_ABOVE_RIKET = List.of(
            new AmbitionRule(RuleComparator.POSITIVE_TREND, RuleReference.OWN_BASELINE, null, null, null, null),
            new AmbitionRule(RuleComparator.ABOVE, RuleReference.NATIONAL, new BigDecimal("4"),
                    MarginUnit.PERCENTAGE_POINTS, 2030, null));

    /** Twelve years of measurements (three report periods a year), the last year's data described twice. */
    private static List<Observation> longHistory() {
        List<Observation> history = new ArrayList<>();
        for (int year = 2010; year <= 2021; year++) {
            for (String part : List.of("T1", "T2", "AR")) {
                BigDecimal value = new BigDecimal(70 + (year - 2010) + "." + part.length());
                history.add(new Observation(year + "-" + part, value, null, String.valueOf(year - 1),
                        Map.of(ReferenceArea.NATIONAL, new BigDecimal("80.5"), ReferenceArea.COUNTY, new BigDecimal("79.9"))));
            }
        }
        return history;
    }

    private static AssessmentInput input(String period, List<Observation> history, BigDecimal target) {
        return new AssessmentInput(period, TREND_AND_FOUR_POINTS_ABOVE_RIKET, false, Direction.HIGHER_IS_BETTER,
                IndicatorKind.MEASURED, target, target == null ? null : 2030, history);
    }

    @Test
    void aVerdictIsRecomputedFromTheTwoObservationsItNamesAlone() {
        List<AssessmentInput> inputs = List.of(
                input("2021-AR", longHistory(), null),
                input("2021-AR", longHistory(), new BigDecimal("85")),
                input("2022-T2", longHistory(), null),            // carried forward from 2021-AR
                input("2023-T2", longHistory(), null),            // too old to carry forward
                input("2010-T1", longHistory(), null),            // no earlier value for a trend
                input("2009-AR", longHistory(), null));           // no data at all
        for (AssessmentInput input : inputs) {
            Decision decision = AssessmentPrinciple.decide(input);
            VerdictInputs used = VerdictInputs.of(decision, VerdictInputs.Sources.UNKNOWN);
            assertThat(used.toAssessmentInput().history()).hasSizeLessThanOrEqualTo(2);
            assertThat(AssessmentPrinciple.assess(used.toAssessmentInput()))
                    .as(input.period()).isEqualTo(AssessmentPrinciple.assess(input));
        }
    }

    @Test
    void theInputsNameTheObservationAssessedAndTheEarlierOneTheTrendComparedWith() {
        VerdictInputs used = VerdictInputs.of(AssessmentPrinciple.decide(input("2021-AR", longHistory(), null)),
                VerdictInputs.Sources.UNKNOWN);
        assertThat(used.observation().period()).isEqualTo("2021-AR");
        // 2021-T1 and 2021-T2 describe the same data period (2020) as 2021-AR; the trend looks further back.
        assertThat(used.previous().period()).isEqualTo("2020-AR");
    }

    @Test
    void aChangedRuleOrTargetIsAnotherLevelButNewDataIsNot() {
        VerdictInputs before = VerdictInputs.of(AssessmentPrinciple.decide(input("2021-AR", longHistory(), null)), null);
        List<Observation> more = new ArrayList<>(longHistory());
        more.add(new Observation("2021-AR", new BigDecimal("99"), null, "2021", Map.of()));
        VerdictInputs newData = VerdictInputs.of(AssessmentPrinciple.decide(input("2021-AR", more, null)), null);
        VerdictInputs newTarget = VerdictInputs.of(AssessmentPrinciple.decide(input("2021-AR", more, new BigDecimal("85"))), null);
        assertThat(newData.sameLevelAs(before)).isTrue();
        assertThat(newTarget.sameLevelAs(before)).isFalse();
    }
}
