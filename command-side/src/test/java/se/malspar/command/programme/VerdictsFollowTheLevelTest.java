package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.Decision;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.Observation;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.fulfilment.VerdictInputs;
import se.malspar.kernel.fulfilment.VerdictTrigger;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.CorrectAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetTargetValue;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.command.programme.StructureLookup.Kind.DELMAL;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.INDICATOR;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

/**
 * Verdicts follow the level (issue 15, point 5): a changed ambition level or målvärde has the periods it
 * concerns assessed again, as new verdicts beside the old ones that name the change; closed periods keep theirs.
 *
 * <p>The story: "+4 procentenheter över riket" from KS 2021-01-13 § 12; 2021-AR and 2022-T1 are measured (86.0
 * against riket 85.6: above riket, the margin not reached, so YELLOW). Then KS 2022-03-09 § 70 decides "över
 * riket", in force from 2022-03-09: it concerns 2022-T1 (reported on 2022-04-30), not 2021-AR.
 */
class VerdictsFollowTheLevelTest {

    private static final IndicatorId BEHORIGHET = new IndicatorId("kf2-gymnasiebehorighet");
    private static final DelmalId LARANDE = new DelmalId("kf2-larande-och-utbildning");
    private static final String NAME = "Behörighet till gymnasiet";
    private static final DecisionReference KS_12 = new DecisionReference(new DecisionId("ks-2021-01-13-p12"), "KS 2021-01-13 § 12");
    private static final LocalDate KS_12_DATE = LocalDate.of(2021, 1, 13);
    private static final DecisionReference KS_70 = new DecisionReference(new DecisionId("ks-2022-03-09-p70"), "KS 2022-03-09 § 70");
    private static final LocalDate KS_70_DATE = LocalDate.of(2022, 3, 9);
    private static final String PLUS_FOUR = "+4 procentenheter över riket";
    private static final String OVER_RIKET = "över riket";

    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd-2020", "", "Strategiskt hållbarhets- och utvecklingsprogram")
            .with(GOAL, "KF2", "vaggeryd-2020", "Utbildning, arbete och näringsliv")
            .with(DELMAL, LARANDE.value(), "KF2", "Lärande och utbildning")
            .with(INDICATOR, BEHORIGHET.value(), LARANDE.value(), NAME);

    private FixtureConfiguration<Indicator> fixture(ClosedPeriods closed) {
        FixtureConfiguration<Indicator> fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(new InMemoryDecisionLookup()
                .register("KS 2021-01-13 § 12").register("KS 2022-03-09 § 70").authority());
        fixture.registerInjectableResource(structure);
        fixture.registerInjectableResource(closed);
        return fixture;
    }

    private static AmbitionLevel level(String text) {
        var reading = AmbitionReader.read(text);
        return new AmbitionLevel(reading.text(), reading.rules(), reading.targetYear(), reading.ambiguous(),
                reading.findings(), AmbitionLevel.RulesSource.READER);
    }

    private static MeasurementRecorded measured(String period, String dataPeriod) {
        return new MeasurementRecorded(BEHORIGHET, period, new BigDecimal("86.0"), null, dataPeriod,
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6")),
                MeasurementSource.of(SourceKind.KOLADA, "N15428", null, null), null);
    }

    private static Observation observed(MeasurementRecorded m) {
        return new Observation(m.period(), m.value(), m.done(), m.dataPeriod(), m.referenceValues());
    }

    /** The verdict the principle gives, with the sources and trigger the aggregate must name. */
    private static FulfilmentComputed verdict(String period, AmbitionLevel level, BigDecimal target, List<Observation> history,
                                              VerdictInputs.Sources sources, VerdictTrigger trigger) {
        AssessmentInput input = new AssessmentInput(period, level.rules(), level.ambiguous(), Direction.HIGHER_IS_BETTER,
                IndicatorKind.MEASURED, target, target == null ? null : 2022, history);
        Decision decision = AssessmentPrinciple.decide(input);
        return new FulfilmentComputed(BEHORIGHET, period, VerdictInputs.of(decision, sources),
                AssessmentPrinciple.assess(input), trigger);
    }

    private final MeasurementRecorded year2021 = measured("2021-AR", "2020");
    private final MeasurementRecorded tertial2022 = measured("2022-T1", "2021");

    /** Sequence 0–5: defined, "+4 procentenheter över riket", two measurements with their verdicts. */
    private List<Object> history() {
        List<Object> events = new ArrayList<>();
        events.add(new IndicatorDefined(BEHORIGHET, LARANDE, new GoalId("KF2"), NAME, "%", IndicatorKind.MEASURED,
                Direction.HIGHER_IS_BETTER, true, new IndicatorSource(SourceKind.KOLADA, "N15428"), KS_12, KS_12_DATE));
        events.add(new AmbitionLevelSet(BEHORIGHET, level(PLUS_FOUR), KS_12, KS_12_DATE));
        events.add(year2021);
        events.add(verdict("2021-AR", level(PLUS_FOUR), null, List.of(observed(year2021)),
                new VerdictInputs.Sources(0L, 1L, null, null, 2L, null), new VerdictTrigger("MeasurementRecorded", 2, null)));
        events.add(tertial2022);
        events.add(verdict("2022-T1", level(PLUS_FOUR), null, List.of(observed(year2021), observed(tertial2022)),
                new VerdictInputs.Sources(0L, 1L, null, null, 4L, 2L), new VerdictTrigger("MeasurementRecorded", 4, null)));
        return events;
    }

    @Test
    void aNewAmbitionLevelHasThePeriodsInWhichItIsInForceAssessedAgainBesideTheOldVerdict() {
        FulfilmentComputed reassessed = verdict("2022-T1", level(OVER_RIKET), null,
                List.of(observed(year2021), observed(tertial2022)),
                new VerdictInputs.Sources(0L, 6L, null, null, 4L, 2L), new VerdictTrigger("AmbitionLevelSet", 6, KS_70));
        assertThat(((FulfilmentComputed) history().get(5)).assessment().verdict()).isEqualTo(Verdict.YELLOW);
        assertThat(reassessed.assessment().verdict()).isEqualTo(Verdict.GREEN);

        fixture(ClosedPeriods.NONE).given(history())
                .when(new SetAmbitionLevel(BEHORIGHET, OVER_RIKET, null, KS_70.decisionId(), KS_70_DATE, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, level(OVER_RIKET), KS_70, KS_70_DATE), reassessed);
    }

    @Test
    void aClosedPeriodKeepsItsVerdict() {
        fixture((indicator, period) -> period.equals("2022-T1")).given(history())
                .when(new SetAmbitionLevel(BEHORIGHET, OVER_RIKET, null, KS_70.decisionId(), KS_70_DATE, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, level(OVER_RIKET), KS_70, KS_70_DATE));
    }

    @Test
    void aNewTargetValueHasThePeriodsInWhichItIsInForceAssessedAgain() {
        FulfilmentComputed reassessed = verdict("2022-T1", level(PLUS_FOUR), new BigDecimal("90"),
                List.of(observed(year2021), observed(tertial2022)),
                new VerdictInputs.Sources(0L, 1L, null, 6L, 4L, 2L), new VerdictTrigger("TargetValueSet", 6, KS_70));
        fixture(ClosedPeriods.NONE).given(history())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_70.decisionId(), KS_70_DATE, null))
                .expectEvents(new TargetValueSet(BEHORIGHET, new BigDecimal("90"), 2022, KS_70, KS_70_DATE), reassessed);
    }

    @Test
    void aCorrectedAmbitionLevelHasEveryPeriodItGovernsAssessedAgainNamingTheCorrectedDecision() {
        VerdictTrigger trigger = new VerdictTrigger("AmbitionLevelCorrected", 6, KS_12);
        FulfilmentComputed year = verdict("2021-AR", level(OVER_RIKET), null, List.of(observed(year2021)),
                new VerdictInputs.Sources(0L, 1L, 6L, null, 2L, null), trigger);
        FulfilmentComputed tertial = verdict("2022-T1", level(OVER_RIKET), null,
                List.of(observed(year2021), observed(tertial2022)),
                new VerdictInputs.Sources(0L, 1L, 6L, null, 4L, 2L), trigger);
        fixture(ClosedPeriods.NONE).given(history())
                .when(new CorrectAmbitionLevel(BEHORIGHET, KS_12.decisionId(), OVER_RIKET, null,
                        "protokollet säger över riket", null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_12, KS_12_DATE, level(PLUS_FOUR),
                        level(OVER_RIKET), "protokollet säger över riket"), year, tertial);
    }

    @Test
    void aLevelThatChangesNothingForAPeriodLeavesItsVerdictAlone() {
        // The same reading again, by another decision from 2022-03-09: no period's level changes.
        fixture(ClosedPeriods.NONE).given(history())
                .when(new SetAmbitionLevel(BEHORIGHET, PLUS_FOUR, null, KS_70.decisionId(), KS_70_DATE, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, level(PLUS_FOUR), KS_70, KS_70_DATE));
    }
}
