package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetTargetValue;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static se.malspar.command.programme.Refusals.refusedWith;
import static se.malspar.command.programme.StructureLookup.Kind.DELMAL;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.INDICATOR;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

/**
 * The indicator refuses numbers outside |x| ≤ 10^15 with at most 6 decimals whichever path the
 * command came by (the API bounds them too, but the Kolada import and the history seed send
 * commands directly), so no event ever carries a number a read model cannot take.
 */
class IndicatorNumberBoundsTest {

    private static final IndicatorId INDICATOR_ID = new IndicatorId("kf2-gymnasiebehorighet");
    private static final DelmalId LARANDE = new DelmalId("kf2-larande-och-utbildning");
    private static final DecisionId KS_12 = new DecisionId("ks-2021-01-13-p12");
    private static final DecisionReference KS_12_REF = new DecisionReference(KS_12, "KS 2021-01-13 § 12");
    private static final LocalDate KS_12_DATE = LocalDate.of(2021, 1, 13);
    private static final MeasurementSource MANUAL = MeasurementSource.of(SourceKind.MANUAL, null, null, null);

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup().register("KS 2021-01-13 § 12");
    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd-2020", "", "Program")
            .with(GOAL, "KF2", "vaggeryd-2020", "Utbildning")
            .with(DELMAL, LARANDE.value(), "KF2", "Lärande och utbildning")
            .with(INDICATOR, INDICATOR_ID.value(), LARANDE.value(), "Behörighet");
    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
        fixture.registerInjectableResource(ClosedPeriods.NONE);
    }

    private static IndicatorDefined defined() {
        return new IndicatorDefined(INDICATOR_ID, LARANDE, new GoalId("KF2"), "Behörighet", "%", IndicatorKind.MEASURED,
                Direction.HIGHER_IS_BETTER, true, new IndicatorSource(SourceKind.KOLADA, "N15428"), KS_12_REF, KS_12_DATE);
    }

    private static RecordMeasurement measurement(BigDecimal value, BigDecimal national) {
        return new RecordMeasurement(INDICATOR_ID, "2021-AR", value, null, "2021",
                Map.of(ReferenceArea.NATIONAL, national), MANUAL, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-20000", "1E+200000", "1E+2000", "1E+2000000", "1E+2000000000", "1E-2000000000",
            "1000000000000000.000001", "-1000000000000000.000001", "1E+16", "0.0000001", "12.3456789"})
    void aMeasuredValueOutsideTheRangeIsRefused(String value) {
        fixture.given(defined())
                .when(measurement(new BigDecimal(value), BigDecimal.ONE))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("value must be a number from -10^15 to 10^15"))
                .expectNoEvents();
    }

    @Test
    void aReferenceValueOutsideTheRangeIsRefused() {
        fixture.given(defined())
                .when(measurement(BigDecimal.ONE, new BigDecimal("1E-20000")))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("referenceValues.NATIONAL"))
                .expectNoEvents();
    }

    @Test
    void aSourceFigureOutsideTheRangeIsRefused() {
        MeasurementSource kolada = new MeasurementSource(SourceKind.KOLADA, "N15428", List.of("0665"), null, null,
                Map.of("0665", new BigDecimal("1E+2000")));
        fixture.given(defined())
                .when(new RecordMeasurement(INDICATOR_ID, "2021-AR", BigDecimal.ONE, null, "2021", Map.of(), kolada, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("source.figures.0665"))
                .expectNoEvents();
    }

    @Test
    void aTargetValueOutsideTheRangeIsRefused() {
        fixture.given(defined())
                .when(new SetTargetValue(INDICATOR_ID, new BigDecimal("1E+2000"), 2022, KS_12, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void aMarginOutsideTheRangeIsRefused() {
        AmbitionRule huge = new AmbitionRule(RuleComparator.AT_LEAST, RuleReference.ABSOLUTE,
                new BigDecimal("1E+16"), null, null, null);
        fixture.given(defined())
                .when(new SetAmbitionLevel(INDICATOR_ID, "minst 10000000000000000", List.of(huge), KS_12, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.startsWith("rule.margin"))
                .expectNoEvents();
    }

    @Test
    void theEdgesOfTheRangeAreAcceptedAndStoredInTheirPlainForm() {
        // 10^15 written as 1E+15 is stored as 1000000000000000; trailing zeros beyond 6 decimals go.
        fixture.given(defined())
                .when(measurement(new BigDecimal("1E+15"), new BigDecimal("-999999999999999.99999900")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.sequenceOf(Matchers.equalTo(new MeasurementRecorded(
                                INDICATOR_ID, "2021-AR", new BigDecimal("1000000000000000"), null, "2021",
                                Map.of(ReferenceArea.NATIONAL, new BigDecimal("-999999999999999.999999")), MANUAL, null)))));
    }

    // The same holds for the other bounded inputs: dates, data periods and names.

    @ParameterizedTest
    @ValueSource(strings = {"0000", "9999", "21", "2021-13", "2021-T3"})
    void aDataPeriodOutsideTheRegistersYearsIsRefused(String dataPeriod) {
        fixture.given(defined())
                .when(new RecordMeasurement(INDICATOR_ID, "2021-AR", BigDecimal.ONE, null, dataPeriod, Map.of(), MANUAL, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("dataPeriod"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"})
    void anEffectiveDateOutsideTheRegistersRangeIsRefused(String date) {
        fixture.given(defined())
                .when(new SetTargetValue(INDICATOR_ID, BigDecimal.TEN, 2022, KS_12, LocalDate.parse(date), null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("effectiveFrom"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u200B", "\uFEFF", "\u2066"})
    void aNameWithInvisibleFormattingIsRefused(String character) {
        fixture.givenNoPriorActivity()
                .when(new se.malspar.kernel.programme.indicator.DefineIndicator(new IndicatorId("kf2-ny"), LARANDE,
                        "Ny" + character + "het", "%", IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER, false,
                        new IndicatorSource(SourceKind.MANUAL, null), KS_12, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.startsWith("name contains the invisible formatting character"))
                .expectNoEvents();
    }

    @Test
    void aTargetValueAtTheSmallestStepIsAccepted() {
        fixture.given(defined())
                .when(new SetTargetValue(INDICATOR_ID, new BigDecimal("-0.000001"), 2022, KS_12, null, null))
                .expectEvents(new TargetValueSet(INDICATOR_ID, new BigDecimal("-0.000001"), 2022, KS_12_REF, KS_12_DATE));
    }
}
