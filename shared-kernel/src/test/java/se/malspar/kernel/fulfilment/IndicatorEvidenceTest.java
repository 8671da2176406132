package se.malspar.kernel.fulfilment;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorEvidenceTest {

    private static final IndicatorId INDICATOR = IndicatorId.of("kf2-gymnasiebehorighet");
    private static final DecisionReference KS_12 = new DecisionReference(new DecisionId("ks-2021-01-13-p12"), "KS 2021-01-13 § 12");
    private static final DecisionReference KS_70 = new DecisionReference(new DecisionId("ks-2022-03-09-p70"), "KS 2022-03-09 § 70");

    private static AmbitionLevelSet level(String text, DecisionReference decision, LocalDate from) {
        var reading = AmbitionReader.read(text);
        return new AmbitionLevelSet(INDICATOR, new AmbitionLevel(reading.text(), reading.rules(), reading.targetYear(),
                reading.ambiguous(), reading.findings(), AmbitionLevel.RulesSource.READER), decision, from);
    }

    /** Defined, "över riket" from 2021-01-13, 2021-AR and 2022-T1 measured with their verdicts (sequence 0–5). */
    private static IndicatorEvidence measuredTwice() {
        IndicatorEvidence evidence = new IndicatorEvidence();
        evidence.apply(new IndicatorDefined(INDICATOR, new DelmalId("kf2-larande"), new GoalId("KF2"), "Behörighet", "%",
                IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER, false, null, KS_12, LocalDate.of(2021, 1, 13)), 0);
        evidence.apply(level("över riket", KS_12, LocalDate.of(2021, 1, 13)), 1);
        long sequence = 2;
        for (String period : List.of("2021-AR", "2022-T1")) {
            evidence.apply(new MeasurementRecorded(INDICATOR, period, new BigDecimal("86.0"), null, period.substring(0, 4),
                    Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6")), null, null), sequence);
            evidence.apply(evidence.compute(INDICATOR, period, new VerdictTrigger("MeasurementRecorded", sequence, null)),
                    sequence + 1);
            sequence += 2;
        }
        return evidence;
    }

    @Test
    void nothingIsReassessedWhileEveryVerdictWasGivenAgainstTheLevelInForce() {
        assertThat(measuredTwice().periodsToReassess()).isEmpty();
    }

    @Test
    void aLevelInForceFromALaterDayConcernsOnlyThePeriodsReportedFromThatDay() {
        IndicatorEvidence evidence = measuredTwice();
        evidence.apply(level("minst i nivå med länet", KS_70, LocalDate.of(2022, 3, 9)), 6);
        assertThat(evidence.periodsToReassess()).containsExactly("2022-T1");
    }

    @Test
    void aVerdictGivenByAnotherVersionOfThePrincipleIsReassessed() {
        IndicatorEvidence evidence = measuredTwice();
        FulfilmentComputed current = evidence.compute(INDICATOR, "2021-AR", null);
        Assessment a = current.assessment();
        evidence.apply(new FulfilmentComputed(INDICATOR, "2021-AR", current.inputs(), new Assessment(a.verdict(), "0.9",
                a.basedOnPeriod(), a.carriedForward(), a.steps(), a.explanationSv(), a.explanationEn()), null), 6);
        assertThat(evidence.periodsToReassess()).containsExactly("2021-AR");
    }

    @Test
    void aVerdictNamesTheEventsItsInputsCameFrom() {
        FulfilmentComputed verdict = measuredTwice().compute(INDICATOR, "2022-T1", null);
        assertThat(verdict.inputs().sources()).isEqualTo(new VerdictInputs.Sources(0L, 1L, null, null, 4L, 2L));
    }
}
