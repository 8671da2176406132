package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.malspar.command.decision.CompetenceRules;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.command.decision.DecisionLookup;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.Decision;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
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
import se.malspar.kernel.programme.indicator.ChangeIndicatorSource;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.indicator.IndicatorSourceChanged;
import se.malspar.kernel.programme.indicator.RetireIndicator;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.command.programme.Refusals.refusedWith;
import static se.malspar.command.programme.StructureLookup.Kind.DELMAL;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.INDICATOR;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;
import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.POSITIVE_TREND;
import static se.malspar.kernel.ambition.RuleReference.COUNTY;
import static se.malspar.kernel.ambition.RuleReference.NATIONAL;
import static se.malspar.kernel.ambition.RuleReference.OWN_BASELINE;

class IndicatorTest {

    private static final GoalId KF2 = new GoalId("KF2");
    private static final DelmalId LARANDE = new DelmalId("kf2-larande-och-utbildning");
    private static final DelmalId ARBETE = new DelmalId("kf2-arbete-och-forsorjning");
    private static final IndicatorId BEHORIGHET = new IndicatorId("kf2-gymnasiebehorighet");
    private static final IndicatorId LIKVARDIG = new IndicatorId("kf2-likvardig-skola");
    private static final String NAME = "Behörighet till gymnasiet";
    private static final IndicatorSource KOLADA = new IndicatorSource(SourceKind.KOLADA, "N15428");

    private static final DecisionId KS_12 = new DecisionId("ks-2021-01-13-p12");
    private static final DecisionReference KS_12_REF = new DecisionReference(KS_12, "KS 2021-01-13 § 12");
    private static final LocalDate KS_12_DATE = LocalDate.of(2021, 1, 13);
    private static final DecisionId KS_70 = new DecisionId("ks-2022-03-09-p70");
    private static final DecisionReference KS_70_REF = new DecisionReference(KS_70, "KS 2022-03-09 § 70");
    private static final LocalDate KS_70_DATE = LocalDate.of(2022, 3, 9);
    private static final DecisionId KS_AUGUST = new DecisionId("ks-2022-08");
    private static final DecisionReference KS_AUGUST_REF = new DecisionReference(KS_AUGUST, "KS 2022-08");
    private static final DecisionId KF_2020 = new DecisionId("kf-2020-10-26-p112");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final DecisionId UNREGISTERED = new DecisionId("ks-2021-01-13-p13");

    private static final String OVER_RIKET = "över riket";
    private static final String PLUS_FOUR = "+4 % över riket 2022";
    private static final String TREND = "positiv trend och över riket";

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KS 2021-01-13 § 12")
            .register("KS 2022-03-09 § 70")
            .register("KS 2022-08")
            .register("KF 2020-10-26 § 112")
            .register("KSAU 2022-02-23 § 38");
    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd-2020", "", "Strategiskt hållbarhets- och utvecklingsprogram")
            .with(GOAL, "KF2", "vaggeryd-2020", "Utbildning, arbete och näringsliv")
            .with(DELMAL, LARANDE.value(), "KF2", "Lärande och utbildning")
            .with(DELMAL, ARBETE.value(), "KF2", "Arbete och försörjning");
    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
        fixture.registerInjectableResource(ClosedPeriods.NONE);
    }


    // --- fixtures -------------------------------------------------------------------------------

    private static DefineIndicator define(IndicatorKind kind, DecisionId decision, LocalDate effectiveFrom) {
        return new DefineIndicator(BEHORIGHET, LARANDE, NAME, "%", kind, Direction.HIGHER_IS_BETTER, true, KOLADA,
                decision, effectiveFrom);
    }

    private static IndicatorDefined defined(IndicatorKind kind) {
        return new IndicatorDefined(BEHORIGHET, LARANDE, KF2, NAME, "%", kind, Direction.HIGHER_IS_BETTER, true, KOLADA,
                KS_12_REF, KS_12_DATE);
    }

    /** The indicator once defined: its own lookup entry, and its event. */
    private IndicatorDefined measuredDefined() {
        structure.with(INDICATOR, BEHORIGHET.value(), LARANDE.value(), NAME);
        return defined(IndicatorKind.MEASURED);
    }

    private static IndicatorRetired retired() {
        return new IndicatorRetired(BEHORIGHET, LARANDE, KS_70_REF, KS_70_DATE);
    }

    private static AmbitionLevel readerLevel(String text) {
        var reading = AmbitionReader.read(text);
        return new AmbitionLevel(reading.text(), reading.rules(), reading.targetYear(), reading.ambiguous(),
                reading.findings(), AmbitionLevel.RulesSource.READER);
    }

    private static AmbitionLevelSet levelSet(String text, DecisionReference decision, LocalDate effectiveFrom) {
        return new AmbitionLevelSet(BEHORIGHET, readerLevel(text), decision, effectiveFrom);
    }

    private static AmbitionRule aboveNationalBy4(MarginUnit unit) {
        return new AmbitionRule(ABOVE, NATIONAL, new BigDecimal("4"), unit, 2022, null);
    }

    private static SetAmbitionLevel setLevel(String text, List<AmbitionRule> rules, DecisionId decision,
                                             LocalDate effectiveFrom) {
        return new SetAmbitionLevel(BEHORIGHET, text, rules, decision, effectiveFrom, null);
    }

    private static RecordMeasurement measurement(String period, BigDecimal value, Boolean done, MeasurementSource source) {
        return new RecordMeasurement(BEHORIGHET, period, value, done, "2021",
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("84.3")), source, null);
    }

    private static final MeasurementSource FROM_KOLADA =
            MeasurementSource.of(SourceKind.KOLADA, "N15428", null, Instant.parse("2021-05-03T08:00:00Z"));

    private static MeasurementRecorded recorded(String period, BigDecimal value, Boolean done) {
        return new MeasurementRecorded(BEHORIGHET, period, value, done, "2021",
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("84.3")), FROM_KOLADA, null);
    }

    // --- the data source (Målspår's own mapping, not a decision) --------------------------------

    @Test
    void changingTheSourceRecordsBeforeAfterAndTheReason() {
        IndicatorSource survey = new IndicatorSource(SourceKind.SURVEY, null);
        fixture.given(measuredDefined())
                .when(new ChangeIndicatorSource(BEHORIGHET, survey, " Mäts i egen enkät ", null))
                .expectEvents(new IndicatorSourceChanged(BEHORIGHET, LARANDE, IndicatorKind.MEASURED, KOLADA, survey,
                        "Mäts i egen enkät"));
    }

    @Test
    void theSameSourceAgainIsNothingToChangeWhateverTheKpisCase() {
        fixture.given(measuredDefined())
                .when(new ChangeIndicatorSource(BEHORIGHET, new IndicatorSource(SourceKind.KOLADA, " n15428 "), "igen", null))
                .expectException(refusedWith("NOTHING_TO_CHANGE"));
    }

    @Test
    void aKoladaSourceNeedsAKpiAndEveryChangeAReason() {
        fixture.given(measuredDefined())
                .when(new ChangeIndicatorSource(BEHORIGHET, new IndicatorSource(SourceKind.KOLADA, null), "utan KPI", null))
                .expectException(refusedWith("VALIDATION_FAILED"));
        fixture.given(measuredDefined())
                .when(new ChangeIndicatorSource(BEHORIGHET, new IndicatorSource(SourceKind.KOLADA, "N05401"), " ", null))
                .expectException(refusedWith("VALIDATION_FAILED"));
    }

    @Test
    void aRetiredIndicatorsSourceCannotChange() {
        fixture.given(measuredDefined(), retired())
                .when(new ChangeIndicatorSource(BEHORIGHET, new IndicatorSource(SourceKind.MANUAL, null), "avvecklad", null))
                .expectException(refusedWith("INDICATOR_RETIRED"));
    }

    // --- defining -------------------------------------------------------------------------------

    @Test
    void definesIndicatorUnderADelmalOnAKsDecision() {
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(defined(IndicatorKind.MEASURED))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 0));
    }

    @Test
    void anAssumedDirectionIsRecordedWithItsReason() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(BEHORIGHET, LARANDE, NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, true, KOLADA, KS_12, null, null,
                        se.malspar.kernel.programme.indicator.DirectionBasis.ASSUMED, "Inget papper anger riktningen"))
                .expectEvents(new IndicatorDefined(BEHORIGHET, LARANDE, KF2, NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, true, KOLADA, KS_12_REF, LocalDate.of(2021, 1, 13), null,
                        se.malspar.kernel.programme.indicator.DirectionBasis.ASSUMED, "Inget papper anger riktningen"));
    }

    @Test
    void anAssumedDirectionWithoutAReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(BEHORIGHET, LARANDE, NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, true, KOLADA, KS_12, null, null,
                        se.malspar.kernel.programme.indicator.DirectionBasis.ASSUMED, " "))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void explicitEffectiveFromIsKept() {
        LocalDate effective = LocalDate.of(2021, 2, 1);
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, effective))
                .expectEvents(new IndicatorDefined(BEHORIGHET, LARANDE, KF2, NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, true, KOLADA, KS_12_REF, effective));
    }

    @Test
    void cannotDefineIndicatorOnAnUnregisteredDecision() {
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, UNREGISTERED, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineIndicatorOnAKfDecision() {
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KF_2020, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineIndicatorOnAKsauDecision() {
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithoutEffectiveFromLeavesTheEffectiveDateUnknown() {
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_AUGUST, null))
                .expectException(refusedWith("EFFECTIVE_DATE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineIndicatorUnderUnknownDelmal() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(BEHORIGHET, new DelmalId("kf2-okant"), NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, false, null, KS_12, null))
                .expectException(refusedWith("NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineIndicatorUnderARetiredDelmal() {
        structure.retired(DELMAL, LARANDE.value());
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, null))
                .expectException(refusedWith("DELMAL_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineAnExistingIndicatorAgain() {
        fixture.given(measuredDefined())
                .when(new DefineIndicator(BEHORIGHET, ARBETE, "Något annat", "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, false, null, KS_12, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineIndicatorWithTheNameOfAnActiveSibling() {
        structure.with(INDICATOR, LIKVARDIG.value(), LARANDE.value(), "behörighet till GYMNASIET");
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void theSameIndicatorNameUnderAnotherDelmalIsFine() {
        structure.with(INDICATOR, LIKVARDIG.value(), ARBETE.value(), NAME);
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, null))
                .expectEvents(defined(IndicatorKind.MEASURED));
    }

    @Test
    void aRetiredIndicatorsNameMayBeReused() {
        structure.with(INDICATOR, LIKVARDIG.value(), LARANDE.value(), NAME).retired(INDICATOR, LIKVARDIG.value());
        fixture.givenNoPriorActivity()
                .when(define(IndicatorKind.MEASURED, KS_12, null))
                .expectEvents(defined(IndicatorKind.MEASURED));
    }

    @Test
    void cannotDefineIndicatorWithoutKindOrDirection() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(BEHORIGHET, LARANDE, NAME, "%", null, Direction.HIGHER_IS_BETTER, false,
                        null, KS_12, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    // --- retiring -------------------------------------------------------------------------------

    @Test
    void retiresIndicatorOnAKsDecision() {
        fixture.given(measuredDefined())
                .when(new RetireIndicator(BEHORIGHET, KS_70, null, null))
                .expectEvents(retired())
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 1));
    }

    @Test
    void cannotRetireIndicatorOnAKfDecision() {
        fixture.given(measuredDefined())
                .when(new RetireIndicator(BEHORIGHET, KF_2020, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotRetireARetiredIndicator() {
        fixture.given(measuredDefined(), retired())
                .when(new RetireIndicator(BEHORIGHET, KS_70, null, null))
                .expectException(refusedWith("INDICATOR_RETIRED"))
                .expectNoEvents();
    }

    // --- ambition levels ------------------------------------------------------------------------

    @Test
    void ambitionLevelKeepsTheVerbatimTextWithTheReadersRules() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, null, KS_12, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel(OVER_RIKET,
                        List.of(AmbitionRule.of(ABOVE, NATIONAL)), null, false, List.of(),
                        AmbitionLevel.RulesSource.READER), KS_12_REF, KS_12_DATE))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 1));
    }

    @Test
    void ambitionLevelWithSeveralConditionsKeepsThemAll() {
        fixture.given(measuredDefined())
                .when(setLevel(TREND, null, KS_12, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel(TREND,
                        List.of(AmbitionRule.of(POSITIVE_TREND, OWN_BASELINE), AmbitionRule.of(ABOVE, NATIONAL)), null,
                        false, List.of(), AmbitionLevel.RulesSource.READER), KS_12_REF, KS_12_DATE));
    }

    @Test
    void percentAfterTheNationalReferenceIsStoredAmbiguousWithAFinding() {
        List<String> findings = AmbitionReader.read(PLUS_FOUR).findings();
        assertThat(findings).isNotEmpty();

        fixture.given(measuredDefined())
                .when(setLevel(PLUS_FOUR, null, KS_12, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel(PLUS_FOUR,
                        List.of(aboveNationalBy4(null)), 2022, true, findings, AmbitionLevel.RulesSource.READER),
                        KS_12_REF, KS_12_DATE));
    }

    @Test
    void clientRulesThatAgreeWithTheTextAreStoredAsClientsAndResolveTheAmbiguity() {
        List<AmbitionRule> points = List.of(aboveNationalBy4(MarginUnit.PERCENTAGE_POINTS));
        fixture.given(measuredDefined())
                .when(setLevel(PLUS_FOUR, points, KS_12, null))
                .expectEvents(new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel(PLUS_FOUR, points, 2022, false,
                        AmbitionReader.read(PLUS_FOUR).findings(), AmbitionLevel.RulesSource.CLIENT),
                        KS_12_REF, KS_12_DATE));
    }

    @Test
    void clientRulesThatContradictTheTextAreRefused() {
        fixture.given(measuredDefined())
                .when(setLevel(PLUS_FOUR, List.of(new AmbitionRule(ABOVE, COUNTY, new BigDecimal("4"),
                        MarginUnit.PERCENTAGE_POINTS, 2022, null)), KS_12, null))
                .expectException(refusedWith("AMBITION_RULE_CONFLICT"))
                .expectNoEvents();
    }

    @Test
    void clientRulesThatAddAConditionAreRefused() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, List.of(AmbitionRule.of(ABOVE, NATIONAL),
                        AmbitionRule.of(POSITIVE_TREND, OWN_BASELINE)), KS_12, null))
                .expectException(refusedWith("AMBITION_RULE_CONFLICT"))
                .expectNoEvents();
    }

    @Test
    void settingTheSameLevelAgainForTheSameDecisionAndDateIsADuplicateChange() {
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(setLevel(PLUS_FOUR, null, KS_12, null))
                .expectException(refusedWith("DUPLICATE_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void aDecisionWhoseCitationWasCompletedMeanwhileStillCountsAsTheSameDecision() {
        // "KS 2022-08" was completed in the register to "KS 2022-08-24 § 120"; its id stays ks-2022-08.
        DecisionLookup completed = new DecisionLookup() {
            @Override
            public Optional<DecisionId> findByCitation(String canonicalCitation) {
                return Optional.empty();
            }

            @Override
            public Optional<RegisteredDecision> find(DecisionId decisionId) {
                return Optional.of(new RegisteredDecision(KS_AUGUST, "KS 2022-08-24 § 120", "KS",
                        LocalDate.of(2022, 8, 24), false)).filter(d -> d.decisionId().equals(decisionId));
            }
        };
        FixtureConfiguration<Indicator> afterCompletion = new AggregateTestFixture<>(Indicator.class);
        afterCompletion.registerInjectableResource(new DecisionAuthority(completed, new CompetenceRules()));
        afterCompletion.registerInjectableResource(structure);
        afterCompletion.registerInjectableResource(ClosedPeriods.NONE);
        LocalDate september = LocalDate.of(2022, 9, 1);

        afterCompletion.given(measuredDefined(), levelSet(TREND, KS_AUGUST_REF, september))
                .when(setLevel(TREND, null, KS_AUGUST, september))
                .expectException(refusedWith("DUPLICATE_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void aLaterDecisionSupersedesTheAmbitionLevel() {
        LocalDate september = LocalDate.of(2022, 9, 1);
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(setLevel(TREND, null, KS_AUGUST, september))
                .expectEvents(levelSet(TREND, KS_AUGUST_REF, september))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 2));
    }

    @Test
    void cannotSetAmbitionLevelOnAnUnregisteredDecision() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, null, UNREGISTERED, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelOnAKfDecision() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, null, KF_2020, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelOnAKsauDecision() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, null, KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelOnAMonthOnlyDecisionWithoutEffectiveFrom() {
        fixture.given(measuredDefined())
                .when(setLevel(OVER_RIKET, null, KS_AUGUST, null))
                .expectException(refusedWith("EFFECTIVE_DATE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelWithoutText() {
        fixture.given(measuredDefined())
                .when(setLevel(" ", null, KS_12, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelOnARetiredIndicator() {
        fixture.given(measuredDefined(), retired())
                .when(setLevel(OVER_RIKET, null, KS_12, null))
                .expectException(refusedWith("INDICATOR_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetAmbitionLevelWhenTheDelmalIsRetired() {
        IndicatorDefined defined = measuredDefined();
        structure.retired(DELMAL, LARANDE.value());
        fixture.given(defined)
                .when(setLevel(OVER_RIKET, null, KS_12, null))
                .expectException(refusedWith("DELMAL_RETIRED"))
                .expectNoEvents();
    }

    // --- corrections of ambition levels ---------------------------------------------------------

    @Test
    void correctionNeedsAReason() {
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, "+4 procentenheter över riket 2022", null, " ", null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void correctionNamesTheCorrectedEntryAndIsNeverADecidedChange() {
        AmbitionLevel previous = readerLevel(PLUS_FOUR);
        String fixedText = "+4 procentenheter över riket 2022";
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, fixedText, null, "skrivfel vid inmatning", null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE, previous,
                        new AmbitionLevel(fixedText, List.of(aboveNationalBy4(MarginUnit.PERCENTAGE_POINTS)), 2022,
                                false, List.of(), AmbitionLevel.RulesSource.READER),
                        "skrivfel vid inmatning"))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 2));
    }

    @Test
    void correctionMaySettleOnlyTheRules() {
        List<AmbitionRule> points = List.of(aboveNationalBy4(MarginUnit.PERCENTAGE_POINTS));
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, null, points, "procentenheter enligt tjänsteskrivelsen",
                        null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE, readerLevel(PLUS_FOUR),
                        new AmbitionLevel(PLUS_FOUR, points, 2022, false, AmbitionReader.read(PLUS_FOUR).findings(),
                                AmbitionLevel.RulesSource.CLIENT),
                        "procentenheter enligt tjänsteskrivelsen"));
    }

    @Test
    void correctionWithRulesThatContradictTheTextIsRefused() {
        fixture.given(measuredDefined(), levelSet(OVER_RIKET, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, null, List.of(AmbitionRule.of(ABOVE, COUNTY)),
                        "länet, inte riket", null))
                .expectException(refusedWith("AMBITION_RULE_CONFLICT"))
                .expectNoEvents();
    }

    @Test
    void nothingToCorrectWithoutAnAmbitionLevel() {
        fixture.given(measuredDefined())
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, OVER_RIKET, null, "fel text", null))
                .expectException(refusedWith("NOTHING_TO_CORRECT"))
                .expectNoEvents();
    }

    @Test
    void nothingToCorrectForADecisionThatSetNoAmbitionLevel() {
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, KS_70, OVER_RIKET, null, "fel text", null))
                .expectException(refusedWith("NOTHING_TO_CORRECT"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionEqualToTheEntryHasNothingToCorrect() {
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, PLUS_FOUR, null, "samma igen", null))
                .expectException(refusedWith("NOTHING_TO_CORRECT"))
                .expectNoEvents();
    }

    @Test
    void correctsDecisionPicksAnEarlierEntry() {
        LocalDate september = LocalDate.of(2022, 9, 1);
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE),
                        levelSet(TREND, KS_AUGUST_REF, september))
                .when(new CorrectAmbitionLevel(BEHORIGHET, KS_12, OVER_RIKET, null, "fel rad kopierad", null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE, readerLevel(PLUS_FOUR),
                        readerLevel(OVER_RIKET), "fel rad kopierad"));
    }

    @Test
    void withoutCorrectsDecisionTheLatestEntryIsCorrected() {
        LocalDate september = LocalDate.of(2022, 9, 1);
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE),
                        levelSet(TREND, KS_AUGUST_REF, september))
                .when(new CorrectAmbitionLevel(BEHORIGHET, null, OVER_RIKET, null, "fel rad kopierad", null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_AUGUST_REF, september, readerLevel(TREND),
                        readerLevel(OVER_RIKET), "fel rad kopierad"));
    }

    @Test
    void correctingTheSameEntryAgainComparesWithTheCorrectedVersion() {
        AmbitionLevelCorrected first = new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE,
                readerLevel(PLUS_FOUR), readerLevel(OVER_RIKET), "fel rad kopierad");
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE), first)
                .when(new CorrectAmbitionLevel(BEHORIGHET, KS_12, TREND, null, "trenden föll bort", null))
                .expectEvents(new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE, readerLevel(OVER_RIKET),
                        readerLevel(TREND), "trenden föll bort"))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 3));
    }

    @Test
    void correctingAgainToTheCorrectedVersionHasNothingToCorrect() {
        AmbitionLevelCorrected first = new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE,
                readerLevel(PLUS_FOUR), readerLevel(OVER_RIKET), "fel rad kopierad");
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE), first)
                .when(new CorrectAmbitionLevel(BEHORIGHET, KS_12, OVER_RIKET, null, "igen", null))
                .expectException(refusedWith("NOTHING_TO_CORRECT"))
                .expectNoEvents();
    }

    @Test
    void afterACorrectionTheSameDecisionMayNotSetTheCorrectedLevelAgain() {
        AmbitionLevelCorrected first = new AmbitionLevelCorrected(BEHORIGHET, KS_12_REF, KS_12_DATE,
                readerLevel(PLUS_FOUR), readerLevel(OVER_RIKET), "fel rad kopierad");
        fixture.given(measuredDefined(), levelSet(PLUS_FOUR, KS_12_REF, KS_12_DATE), first)
                .when(setLevel(OVER_RIKET, null, KS_12, null))
                .expectException(refusedWith("DUPLICATE_CHANGE"))
                .expectNoEvents();
    }

    // --- target values --------------------------------------------------------------------------

    @Test
    void cannotSetADecidedTargetValueOnAnIndicatorWhoseTargetIsLeftToTheExperts() {
        structure.with(INDICATOR, BEHORIGHET.value(), LARANDE.value(), NAME);
        fixture.given(new IndicatorDefined(BEHORIGHET, LARANDE, KF2, NAME, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, false, KOLADA, KS_12_REF, KS_12_DATE))
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_12, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("politicallyDecidedTarget"))
                .expectNoEvents();
    }

    @Test
    void setsTargetValueOnAKsDecision() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_12, null, null))
                .expectEvents(new TargetValueSet(BEHORIGHET, new BigDecimal("90"), 2022, KS_12_REF, KS_12_DATE))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 1));
    }

    @Test
    void targetValueKeepsAnExplicitEffectiveFrom() {
        LocalDate effective = LocalDate.of(2022, 9, 1);
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_AUGUST, effective, null))
                .expectEvents(new TargetValueSet(BEHORIGHET, new BigDecimal("90"), 2022, KS_AUGUST_REF, effective));
    }

    @Test
    void cannotSetTargetValueOnAKfDecision() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KF_2020, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueOnAKsauDecision() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KSAU_38, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueOnAnUnregisteredDecision() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, UNREGISTERED, null, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueForAYearBefore2000() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 1999, KS_12, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueForAYearAfter2100() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2101, KS_12, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueWithoutAValue() {
        fixture.given(measuredDefined())
                .when(new SetTargetValue(BEHORIGHET, null, 2022, KS_12, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueOnARetiredIndicator() {
        fixture.given(measuredDefined(), retired())
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_12, null, null))
                .expectException(refusedWith("INDICATOR_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTargetValueWhenTheDelmalIsRetired() {
        IndicatorDefined defined = measuredDefined();
        structure.retired(DELMAL, LARANDE.value());
        fixture.given(defined)
                .when(new SetTargetValue(BEHORIGHET, new BigDecimal("90"), 2022, KS_12, null, null))
                .expectException(refusedWith("DELMAL_RETIRED"))
                .expectNoEvents();
    }

    // --- measurements ---------------------------------------------------------------------------

    /**
     * The verdict the principle gives for these inputs, as the aggregate must record it after the measurement
     * at sequence {@code measured}: naming the definition (sequence 0), the ambition level at {@code level} (or
     * none) and the measurement (when the principle got as far as the data) as its sources, the measurement as
     * its trigger.
     */
    private static FulfilmentComputed computed(String period, List<AmbitionRule> rules, boolean ambiguous,
                                               IndicatorKind kind, List<Observation> history, Long level, long measured) {
        AssessmentInput input = new AssessmentInput(period, rules, ambiguous, Direction.HIGHER_IS_BETTER, kind, null, null,
                history);
        Decision decision = AssessmentPrinciple.decide(input);
        return new FulfilmentComputed(BEHORIGHET, period, VerdictInputs.of(decision,
                new VerdictInputs.Sources(0L, level, null, null, decision.observation() == null ? null : measured, null)),
                AssessmentPrinciple.assess(input),
                new VerdictTrigger("MeasurementRecorded", measured, null));
    }

    private static Observation observed(String period, BigDecimal value, Boolean done) {
        MeasurementRecorded m = recorded(period, value, done);
        return new Observation(period, value, done, m.dataPeriod(), m.referenceValues());
    }

    @Test
    void recordsAMeasurementWithoutADecisionAndComputesItsVerdict() {
        fixture.given(measuredDefined())
                .when(measurement("2021-T1", new BigDecimal("86.1"), null, FROM_KOLADA))
                .expectEvents(recorded("2021-T1", new BigDecimal("86.1"), null),
                        computed("2021-T1", List.of(), false, IndicatorKind.MEASURED,
                                List.of(observed("2021-T1", new BigDecimal("86.1"), null)), null, 1))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 2));
    }

    @Test
    void verdictUsesTheAmbitionLevelInForceOnTheDayThePeriodReportsOn() {
        AmbitionLevelSet early = new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel("över riket",
                AmbitionReader.read("över riket").rules(), null, false, List.of(), AmbitionLevel.RulesSource.READER),
                KS_12_REF, KS_12_DATE);
        AmbitionLevelSet late = new AmbitionLevelSet(BEHORIGHET, new AmbitionLevel("över länet",
                AmbitionReader.read("över länet").rules(), null, false, List.of(), AmbitionLevel.RulesSource.READER),
                KS_12_REF, LocalDate.of(2021, 9, 1));
        fixture.given(measuredDefined(), early, late)
                .when(measurement("2021-T2", new BigDecimal("86.1"), null, FROM_KOLADA))
                .expectEvents(recorded("2021-T2", new BigDecimal("86.1"), null),
                        computed("2021-T2", early.ambitionLevel().rules(), false, IndicatorKind.MEASURED,
                                List.of(observed("2021-T2", new BigDecimal("86.1"), null)), 1L, 3));
    }

    @Test
    void humanAssessmentOverridesWithAMotivationAndOptionallyADecision() {
        fixture.given(measuredDefined())
                .when(new AssessFulfilment(BEHORIGHET, "2021-AR", Verdict.YELLOW, "KS bedömer att pandemin påverkat", KS_12, null))
                .expectEvents(new FulfilmentAssessed(BEHORIGHET, "2021-AR", Verdict.YELLOW, "KS bedömer att pandemin påverkat",
                        KS_12_REF));
        fixture.given(measuredDefined())
                .when(new AssessFulfilment(BEHORIGHET, "2021-AR", Verdict.GREEN, "förvaltningens bedömning", null, null))
                .expectEvents(new FulfilmentAssessed(BEHORIGHET, "2021-AR", Verdict.GREEN, "förvaltningens bedömning", null));
    }

    @Test
    void humanAssessmentNeedsAMotivationAndADecisionWithCompetence() {
        fixture.given(measuredDefined())
                .when(new AssessFulfilment(BEHORIGHET, "2021-AR", Verdict.RED, " ", null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
        fixture.given(measuredDefined())
                .when(new AssessFulfilment(BEHORIGHET, "2021-AR", Verdict.RED, "motivering", KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void measuredIndicatorNeedsAValue() {
        fixture.given(measuredDefined())
                .when(measurement("2021-T1", null, null, FROM_KOLADA))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void measuredIndicatorTakesNoDone() {
        fixture.given(measuredDefined())
                .when(measurement("2021-T1", new BigDecimal("86.1"), true, FROM_KOLADA))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void activityRecordsWhetherItIsDone() {
        fixture.given(defined(IndicatorKind.ACTIVITY))
                .when(measurement("2021-AR", null, false, FROM_KOLADA))
                .expectEvents(recorded("2021-AR", null, false), computed("2021-AR", List.of(), false,
                        IndicatorKind.ACTIVITY, List.of(observed("2021-AR", null, false)), null, 1));
    }

    @Test
    void activityNeedsDone() {
        fixture.given(defined(IndicatorKind.ACTIVITY))
                .when(measurement("2021-AR", null, null, FROM_KOLADA))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void activityTakesNoValue() {
        fixture.given(defined(IndicatorKind.ACTIVITY))
                .when(measurement("2021-AR", new BigDecimal("1"), true, FROM_KOLADA))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-T3", "2021-Q1", "21-T1", "2021-t1", "2021", "2021-AR "})
    void periodMustBeATertialOrTheAnnualReport(String period) {
        fixture.given(measuredDefined())
                .when(measurement(period, new BigDecimal("86.1"), null, FROM_KOLADA))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void measurementNeedsASource() {
        fixture.given(measuredDefined())
                .when(measurement("2021-T2", new BigDecimal("86.1"), null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void measurementNeedsASourceKind() {
        fixture.given(measuredDefined())
                .when(measurement("2021-T2", new BigDecimal("86.1"), null, MeasurementSource.of(null, "N15428", null, null)))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void twoMeasurementsForTheSamePeriodAreBothRecordedAndTheVerdictIsComputedAgain() {
        fixture.given(measuredDefined(), recorded("2021-T2", new BigDecimal("86.1"), null))
                .when(measurement("2021-T2", new BigDecimal("86.4"), null, FROM_KOLADA))
                .expectEvents(recorded("2021-T2", new BigDecimal("86.4"), null), computed("2021-T2", List.of(), false,
                        IndicatorKind.MEASURED, List.of(observed("2021-T2", new BigDecimal("86.4"), null)), null, 2))
                .expectResultMessagePayload(new Accepted("kf2-gymnasiebehorighet", 3));
    }

    @Test
    void cannotRecordAMeasurementOnARetiredIndicator() {
        fixture.given(measuredDefined(), retired())
                .when(measurement("2022-T1", new BigDecimal("86.1"), null, FROM_KOLADA))
                .expectException(refusedWith("INDICATOR_RETIRED"))
                .expectNoEvents();
    }
}
