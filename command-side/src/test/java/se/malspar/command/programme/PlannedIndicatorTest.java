package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.ambition.AmbitionReading;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static se.malspar.command.programme.Refusals.refusedWith;
import static se.malspar.command.programme.StructureLookup.Kind.DELMAL;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

/**
 * What the papers name but do not finish: a PLANNED indicator ("ska tas fram", "saknas möjlig
 * mätmetod") is never measured or assessed; an ambition level TO_BE_DISCUSSED ("Ambitionsnivå
 * behov av dialog") keeps its text and claims no rule.
 */
class PlannedIndicatorTest {

    private static final GoalId KF1 = new GoalId("KF1");
    private static final DelmalId TILLVAXT = new DelmalId("KF1-hallbar-tillvaxt-i-hela-kommunen");
    private static final IndicatorId VALFARD = new IndicatorId("kf1-socialt-valfardsindex");
    private static final IndicatorId BREDBAND = new IndicatorId("kf1-bredbandstillgang");
    private static final DecisionId KS_12 = new DecisionId("ks-2021-01-13-p12");
    private static final DecisionReference KS_12_REF = new DecisionReference(KS_12, "KS 2021-01-13 § 12");
    private static final LocalDate KS_12_DATE = LocalDate.of(2021, 1, 13);
    private static final String YEAR_2030 = "ambitionsnivå år 2030";

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup().register("KS 2021-01-13 § 12");
    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd", "", "Strategiskt hållbarhets- och utvecklingsprogram")
            .with(GOAL, "KF1", "vaggeryd", "Hållbar tillväxt och samhällsplanering")
            .with(DELMAL, TILLVAXT.value(), "KF1", "Hållbar tillväxt i hela kommunen");
    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
        fixture.registerInjectableResource(ClosedPeriods.NONE);
    }

    private static IndicatorDefined defined(IndicatorId id, IndicatorKind kind) {
        return new IndicatorDefined(id, TILLVAXT, KF1, "Socialt välfärdsindex", "enhet anges ej i underlaget", kind,
                Direction.HIGHER_IS_BETTER, false, null, KS_12_REF, KS_12_DATE, "ska definieras",
                DirectionBasis.ASSUMED, "no paper states it");
    }

    @Test
    void aPlannedIndicatorIsDefinedAsPlanned() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(VALFARD, TILLVAXT, "Socialt välfärdsindex", "enhet anges ej i underlaget",
                        IndicatorKind.PLANNED, Direction.HIGHER_IS_BETTER, false, null, KS_12, null, "ska definieras",
                        DirectionBasis.ASSUMED, "no paper states it"))
                .expectEvents(defined(VALFARD, IndicatorKind.PLANNED));
    }

    @Test
    void aPlannedIndicatorTakesNoMeasurement() {
        fixture.given(defined(VALFARD, IndicatorKind.PLANNED))
                .when(new RecordMeasurement(VALFARD, "2021-AR", new BigDecimal("1"), null, "2021", Map.of(),
                        MeasurementSource.of(SourceKind.MANUAL, null, null, null), null))
                .expectException(refusedWith("INDICATOR_PLANNED"))
                .expectNoEvents();
    }

    @Test
    void aPlannedIndicatorIsNeverAssessed() {
        fixture.given(defined(VALFARD, IndicatorKind.PLANNED))
                .when(new AssessFulfilment(VALFARD, "2021-AR", Verdict.GREEN, "förvaltningens bedömning", null, null))
                .expectException(refusedWith("INDICATOR_PLANNED"))
                .expectNoEvents();
    }

    @Test
    void anAmbitionLevelToBeDiscussedKeepsItsTextAndYearAndClaimsNoRule() {
        AmbitionReading reading = AmbitionReader.read(YEAR_2030);
        fixture.given(defined(BREDBAND, IndicatorKind.MEASURED))
                .when(new SetAmbitionLevel(BREDBAND, YEAR_2030, null, KS_12, null, null, AmbitionStatus.TO_BE_DISCUSSED, null))
                .expectEvents(new AmbitionLevelSet(BREDBAND, new AmbitionLevel(YEAR_2030, List.of(), reading.targetYear(),
                        false, reading.findings(), AmbitionLevel.RulesSource.READER, AmbitionStatus.TO_BE_DISCUSSED),
                        KS_12_REF, KS_12_DATE));
    }

    @Test
    void anAmbitionLevelToBeDiscussedRefusesRules() {
        fixture.given(defined(BREDBAND, IndicatorKind.MEASURED))
                .when(new SetAmbitionLevel(BREDBAND, YEAR_2030, List.of(new AmbitionRule(RuleComparator.ABOVE,
                        RuleReference.NATIONAL, null, null, 2030, null)), KS_12, null, null, AmbitionStatus.TO_BE_DISCUSSED, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    private static final String GROUPS = "positiv utveckling och över länet (äldre) eller riket (elever)";

    @Test
    void onlyTheRulesOfItsOwnTargetGroupSitOnASurveyIndicator() {
        AmbitionReading reading = AmbitionReader.read(GROUPS);
        List<AmbitionRule> elderly = reading.rules().stream().filter(r -> "äldre".equals(r.targetGroup())).toList();
        List<String> findings = new java.util.ArrayList<>(reading.findings());
        findings.add("only the rules for target group 'äldre' are this indicator's");
        fixture.given(defined(BREDBAND, IndicatorKind.MEASURED))
                .when(new SetAmbitionLevel(BREDBAND, GROUPS, null, KS_12, null, null, null, "äldre"))
                .expectEvents(new AmbitionLevelSet(BREDBAND, new AmbitionLevel(GROUPS, elderly, reading.targetYear(),
                        reading.ambiguous(), findings, AmbitionLevel.RulesSource.READER), KS_12_REF, KS_12_DATE));
    }

    @Test
    void aTargetGroupTheTextDoesNotNameIsRefused() {
        fixture.given(defined(BREDBAND, IndicatorKind.MEASURED))
                .when(new SetAmbitionLevel(BREDBAND, GROUPS, null, KS_12, null, null, null, "invånare"))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    private static final LocalDate JANUARY = LocalDate.of(2021, 1, 1);

    @Test
    void anIndicatorMayTakeEffectInAMonthAsThePaperGivesIt() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(VALFARD, TILLVAXT, "Socialt välfärdsindex", "enhet anges ej i underlaget",
                        IndicatorKind.PLANNED, Direction.HIGHER_IS_BETTER, false, null, KS_12, JANUARY, "ska definieras",
                        DirectionBasis.ASSUMED, "no paper states it", DatePrecision.MONTH))
                .expectEvents(new IndicatorDefined(VALFARD, TILLVAXT, KF1, "Socialt välfärdsindex",
                        "enhet anges ej i underlaget", IndicatorKind.PLANNED, Direction.HIGHER_IS_BETTER, false, null,
                        KS_12_REF, JANUARY, "ska definieras", DirectionBasis.ASSUMED, "no paper states it",
                        DatePrecision.MONTH));
    }

    @Test
    void anAmbitionLevelMayTakeEffectInAMonthAsThePaperGivesIt() {
        AmbitionReading reading = AmbitionReader.read(YEAR_2030);
        fixture.given(defined(BREDBAND, IndicatorKind.MEASURED))
                .when(new SetAmbitionLevel(BREDBAND, YEAR_2030, null, KS_12, JANUARY, null, AmbitionStatus.TO_BE_DISCUSSED,
                        null, DatePrecision.MONTH))
                .expectEvents(new AmbitionLevelSet(BREDBAND, new AmbitionLevel(YEAR_2030, List.of(), reading.targetYear(),
                        false, reading.findings(), AmbitionLevel.RulesSource.READER, AmbitionStatus.TO_BE_DISCUSSED),
                        KS_12_REF, JANUARY, DatePrecision.MONTH));
    }

    @Test
    void aMonthMustBeGivenAsItsFirstDay() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(VALFARD, TILLVAXT, "Socialt välfärdsindex", "enhet anges ej i underlaget",
                        IndicatorKind.PLANNED, Direction.HIGHER_IS_BETTER, false, null, KS_12, LocalDate.of(2021, 1, 13),
                        null, DirectionBasis.ASSUMED, "no paper states it", DatePrecision.MONTH))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }
}
