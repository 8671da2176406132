package se.malspar.query.programme;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.FindDecisionChanges;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.FindIndicatorHistory;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.QuerySideApplication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.query.programme.ProgrammeEvents.decision;
import static se.malspar.query.programme.ProgrammeEvents.paper;

/**
 * The programme projection against its typed tables on embedded PostgreSQL: events appended to
 * the store as the command side appends them, read back through the query handlers.
 */
@MalsparApplicationTest(classes = QuerySideApplication.class)
class ProgrammeProjectionTest {

    private static final DecisionReference KF = decision("kf-2020-10", "KF 2020-10");
    private static final DecisionReference KS = decision("ks-2021-01-13-p12", "KS 2021-01-13 § 12");
    private static final LocalDate ADOPTED = LocalDate.of(2020, 10, 1);
    private static final LocalDate PARAGRAPH_12 = LocalDate.of(2021, 1, 13);

    @Autowired
    EventStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueryGateway queries;
    @Autowired
    ProgrammeRows rows;

    ProgrammeEvents events;
    String programme;
    String goal;
    String delmal;
    String indicator;

    @BeforeEach
    void names() {
        events = new ProgrammeEvents(store, transactions, jdbc);
        programme = ProgrammeEvents.unique("rm-programme");
        goal = programme + "-kf1";
        delmal = goal + "-d1";
        indicator = delmal + "-i1";
    }

    private static AmbitionLevel ambition(String text, String margin) {
        return new AmbitionLevel(text, List.of(new AmbitionRule(RuleComparator.ABOVE, RuleReference.NATIONAL,
                new BigDecimal(margin), MarginUnit.PERCENTAGE_POINTS, 2030, "elever")), 2030, false,
                List.of("läst som procentenheter"), AmbitionLevel.RulesSource.READER);
    }

    /** A programme adopted "KF 2020-10" (month precision), one goal, delmål and indicator set by § 12. */
    private void adoptProgramme(Map<String, Object> programmePaper, Map<String, Object> paragraphPaper,
                                Map<String, Object> targetPaper) {
        events.publish(programme, new ProgrammeCreated(ProgrammeId.of(programme), "Hållbarhetsprogram", "KF", KF,
                ADOPTED, DatePrecision.MONTH), programmePaper);
        events.publish(programme, new GoalAdded(GoalId.of(goal), ProgrammeId.of(programme), "Trygg uppväxt", "Social",
                KF, ADOPTED, DatePrecision.MONTH), programmePaper);
        events.publish(delmal, new DelmalAdded(DelmalId.of(delmal), GoalId.of(goal), ProgrammeId.of(programme),
                "Fler elever klarar skolan", null, KF, ADOPTED, DatePrecision.MONTH), programmePaper);
        events.publish(indicator, new IndicatorDefined(IndicatorId.of(indicator), DelmalId.of(delmal), GoalId.of(goal),
                "Andel behöriga till gymnasiet", "%", IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER, true,
                new IndicatorSource(SourceKind.KOLADA, "N15428"), KS, PARAGRAPH_12, "not", DirectionBasis.ASSUMED,
                "högre andel är bättre"), paragraphPaper);
        events.publish(indicator, new AmbitionLevelSet(IndicatorId.of(indicator),
                ambition("4 procentenheter över riket", "4.0"), KS, PARAGRAPH_12), paragraphPaper);
        events.publish(indicator, new TargetValueSet(IndicatorId.of(indicator), new BigDecimal("49.0"), 2030, KS,
                PARAGRAPH_12), targetPaper);
        events.awaitApplied();
    }

    private ProgrammeTree tree(LocalDate validAt, Instant knownAt, LocalDate documentedBy) {
        return queries.query(new FindProgrammeTree(ProgrammeId.of(programme), validAt, knownAt, null, documentedBy,
                null, null), ResponseTypes.optionalInstanceOf(ProgrammeTree.class)).join().orElse(null);
    }

    @Test
    void aProgrammeReadsBackFromItsTypedTablesExactlyAsDecided() {
        Map<String, Object> paper = paper("KF protokoll", LocalDate.of(2020, 10, 26));
        adoptProgramme(paper, paper, paper);

        ProgrammeTree tree = tree(LocalDate.of(2021, 6, 1), Instant.now(), null);
        assertThat(tree.inForce()).isTrue();
        assertThat(tree.effectiveFromWritten()).isEqualTo("2020-10");
        assertThat(tree.certainty()).isEqualTo("CERTAIN");
        ProgrammeTree.Indicator i = tree.goals().get(0).delmal().get(0).indicators().get(0);
        assertThat(i.source()).isEqualTo(new IndicatorSource(SourceKind.KOLADA, "N15428"));
        assertThat(i.ambitionLevel().text()).isEqualTo("4 procentenheter över riket");
        assertThat(i.ambitionLevel().rules()).containsExactly(new AmbitionRule(RuleComparator.ABOVE,
                RuleReference.NATIONAL, new BigDecimal("4"), MarginUnit.PERCENTAGE_POINTS, 2030, "elever"));
        assertThat(i.ambitionLevel().findings()).containsExactly("läst som procentenheter");
        // 49.0 stays 49.0, not 49
        assertThat(i.targetValue().value()).isEqualByComparingTo("49.0").hasScaleOf(1);
        assertThat(i.targetValue().decision()).isEqualTo(KS);

        assertThat(tree(LocalDate.of(2020, 10, 15), Instant.now(), null).certainty()).isEqualTo("UNCERTAIN");
        assertThat(tree(LocalDate.of(2020, 9, 30), Instant.now(), null).inForce()).isFalse();
        assertThat(tree(LocalDate.of(2020, 12, 31), Instant.now(), null).goals().get(0).delmal().get(0).indicators())
                .as("the indicator takes effect with § 12").isEmpty();
    }

    @Test
    void aCorrectionClosesTheRecordedTimeOfTheEntryItCorrectsAndKeepsItsPlace() {
        adoptProgramme(Map.of("userId", "strategy"), Map.of("userId", "strategy"), Map.of("userId", "strategy"));
        // As recorded when the entry was: the read model's own recorded time of the original entry.
        Instant beforeCorrection = rows.ofEntity(Fact.Kind.INDICATOR, indicator).stream()
                .filter(f -> f.attribute() == Fact.Attribute.TARGET).findFirst().orElseThrow().recordedAt();
        events.publish(indicator, new AmbitionLevelCorrected(IndicatorId.of(indicator), KS, PARAGRAPH_12,
                ambition("4 procentenheter över riket", "4"), ambition("5 procentenheter över riket", "5"), "läsfel"));
        events.awaitApplied();

        ProgrammeTree.Ambition now = tree(LocalDate.of(2022, 1, 1), Instant.now(), null)
                .goals().get(0).delmal().get(0).indicators().get(0).ambitionLevel();
        assertThat(now.text()).isEqualTo("5 procentenheter över riket");
        assertThat(now.corrected()).isTrue();
        ProgrammeTree.Ambition then = tree(LocalDate.of(2022, 1, 1), beforeCorrection, null)
                .goals().get(0).delmal().get(0).indicators().get(0).ambitionLevel();
        assertThat(then.text()).isEqualTo("4 procentenheter över riket");
        assertThat(then.corrected()).isFalse();

        IndicatorHistory history = queries.query(new FindIndicatorHistory(IndicatorId.of(indicator)),
                ResponseTypes.optionalInstanceOf(IndicatorHistory.class)).join().orElseThrow();
        List<IndicatorHistory.Version> ambitions = history.versions().stream()
                .filter(v -> v.kind().equals("AMBITION_LEVEL")).toList();
        assertThat(ambitions).hasSize(2);
        assertThat(ambitions.get(0).supersededBy()).isEqualTo(ambitions.get(1).versionId());
        assertThat(ambitions.get(1).event()).isEqualTo("AmbitionLevelCorrected");
        assertThat(ambitions.get(1).corrects()).isEqualTo(ambitions.get(0).versionId());
        assertThat(ambitions.get(1).reason()).isEqualTo("läsfel");
        // The decision authorised the entry, not its correction.
        assertThat(changes(KS).stream().filter(c -> c.entityId().equals(indicator)).map(DecisionChange::event))
                .containsExactly("IndicatorDefined", "AmbitionLevelSet", "TargetValueSet");
    }

    private List<DecisionChange> changes(DecisionReference decision) {
        return queries.query(new FindDecisionChanges(decision.decisionId()),
                ResponseTypes.multipleInstancesOf(DecisionChange.class)).join();
    }

    @Test
    void documentedByShowsWhatThePapersAndTheMinutesDatedByThenSay() {
        adoptProgramme(paper("KF protokoll", LocalDate.of(2020, 10, 26)),
                paper("KS protokoll", LocalDate.of(2021, 1, 20)), Map.of("userId", "strategy"));
        LocalDate validAt = LocalDate.of(2022, 1, 1);

        assertThat(tree(validAt, Instant.now(), LocalDate.of(2020, 10, 25))).as("no paper yet").isNull();
        ProgrammeTree before = tree(validAt, Instant.now(), LocalDate.of(2020, 12, 31));
        assertThat(before.goals().get(0).delmal().get(0).indicators()).as("§ 12's meeting is 2021-01-13").isEmpty();
        ProgrammeTree.Indicator after = tree(validAt, Instant.now(), LocalDate.of(2021, 12, 31))
                .goals().get(0).delmal().get(0).indicators().get(0);
        assertThat(after.ambitionLevel().text()).isEqualTo("4 procentenheter över riket");
        assertThat(after.targetValue()).as("no paper date of its own: documented by the minutes of KS 2021-01-13 § 12")
                .isNotNull();
        assertThat(tree(validAt, Instant.now(), LocalDate.of(2021, 1, 12)).goals().get(0).delmal().get(0).indicators())
                .as("the day before § 12's meeting").isEmpty();
        assertThat(tree(validAt, Instant.now(), null).goals().get(0).delmal().get(0).indicators().get(0).targetValue())
                .isNotNull();

        IndicatorHistory history = queries.query(new FindIndicatorHistory(IndicatorId.of(indicator),
                LocalDate.of(2021, 12, 31)), ResponseTypes.optionalInstanceOf(IndicatorHistory.class)).join().orElseThrow();
        assertThat(history.versions()).extracting(IndicatorHistory.Version::kind)
                .containsExactly("DEFINITION", "AMBITION_LEVEL", "TARGET_VALUE");
        assertThat(history.versions().get(1).provenance().path("source").path("documentDate").asText())
                .isEqualTo("2021-01-20");

        ProgrammeDiff diff = queries.query(new FindProgrammeDiff(ProgrammeId.of(programme), LocalDate.of(2020, 12, 31),
                validAt, Instant.now(), LocalDate.of(2020, 12, 31)), ResponseTypes.optionalInstanceOf(ProgrammeDiff.class))
                .join().orElseThrow();
        assertThat(diff.changes()).as("the papers dated by 2020 name no indicator").isEmpty();
    }

    @Test
    void anAddedIndicatorCarriesItsFullStateAndADecisionsChangesNameTheirParent() {
        Map<String, Object> paper = paper("protokoll", LocalDate.of(2021, 1, 20));
        adoptProgramme(paper, paper, paper);

        ProgrammeDiff diff = queries.query(new FindProgrammeDiff(ProgrammeId.of(programme), LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 6, 1), Instant.now()), ResponseTypes.optionalInstanceOf(ProgrammeDiff.class)).join()
                .orElseThrow();
        ProgrammeDiff.Change added = diff.changes().stream().filter(c -> c.entityId().equals(indicator)).findFirst()
                .orElseThrow();
        assertThat(added.change()).isEqualTo("ADDED");
        assertThat(added.state().path("ambitionLevel").path("text").asText()).isEqualTo("4 procentenheter över riket");
        assertThat(added.state().path("targetValue").path("value").decimalValue()).isEqualByComparingTo("49.0");
        assertThat(added.state().path("source").path("kpi").asText()).isEqualTo("N15428");
        assertThat(added.provenance().path("source").path("document").asText()).isEqualTo("protokoll");

        assertThat(changes(KF)).filteredOn(c -> c.entityId().equals(delmal)).singleElement()
                .satisfies(c -> assertThat(c.parentId()).isEqualTo(goal));
        assertThat(changes(KS)).filteredOn(c -> c.entityId().equals(indicator))
                .allSatisfy(c -> assertThat(c.parentId()).isEqualTo(delmal));
    }

    @Test
    void aMeasurementKeepsItsReferenceValuesAndSourceFiguresExactly() {
        Map<String, Object> paper = paper("protokoll", LocalDate.of(2021, 1, 20));
        adoptProgramme(paper, paper, paper);
        MeasurementSource source = new MeasurementSource(SourceKind.KOLADA, "N15428", List.of("0665", "0000", "0006"),
                "https://api.kolada.se/v2/data/kpi/N15428/municipality/0665/year/2021",
                Instant.parse("2022-02-01T08:15:30.123456Z"),
                Map.of("0665", new BigDecimal("84.10"), "0000", new BigDecimal("85.6"), "0006", new BigDecimal("86")));
        events.publish(indicator, new MeasurementRecorded(IndicatorId.of(indicator), "2021-AR", new BigDecimal("84.10"),
                null, "2021", Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6"), ReferenceArea.COUNTY,
                new BigDecimal("86.0")), source, "läsåret 2020/21"));
        events.awaitApplied();

        ProgrammeTree.Measurement latest = tree(LocalDate.of(2022, 6, 1), Instant.now(), null)
                .goals().get(0).delmal().get(0).indicators().get(0).latestMeasurement();
        assertThat(latest.value()).isEqualByComparingTo("84.10").hasScaleOf(2);
        assertThat(latest.referenceValues()).containsEntry("NATIONAL", new BigDecimal("85.6"))
                .containsEntry("COUNTY", new BigDecimal("86.0"));
        assertThat(latest.source()).isEqualTo(source);

        IndicatorHistory.MeasurementVersion version = queries.query(new FindIndicatorHistory(IndicatorId.of(indicator)),
                ResponseTypes.optionalInstanceOf(IndicatorHistory.class)).join().orElseThrow().measurements().get(0);
        assertThat(version.source().path("figures").path("0665").decimalValue()).isEqualTo(new BigDecimal("84.10"));
        assertThat(version.source().path("areaIds")).hasSize(3);
        assertThat(version.referenceValues().path("COUNTY").decimalValue()).isEqualTo(new BigDecimal("86.0"));
        assertThat(version.note()).isEqualTo("läsåret 2020/21");
    }

    @Test
    void aRedeliveredChangeWritesNothingTwice() {
        String id = ProgrammeEvents.unique("rm-redelivered");
        ProgrammeRows.Change change = new ProgrammeRows.Change(id + "-event", 9_000_000L + id.hashCode() % 1000, 1,
                PARAGRAPH_12, KS, Instant.now(), "strategy",
                new ProgrammeRows.Source(null, null, null, "protokoll", null, null, LocalDate.of(2021, 1, 20), null),
                new AmbitionLevelSet(IndicatorId.of(id), ambition("4 procentenheter över riket", "4"), KS, PARAGRAPH_12),
                null);
        rows.add(change);
        rows.add(change);
        assertThat(count("programme_ambition_level", id + "-event")).isEqualTo(1);
        assertThat(count("programme_ambition_rule", id + "-event")).isEqualTo(1);
        assertThat(count("programme_provenance", id + "-event")).isEqualTo(1);
        assertThat(rows.ofEntity(Fact.Kind.INDICATOR, id)).singleElement()
                .satisfies(f -> assertThat(f.value().path("rules").get(0).path("targetGroup").asText()).isEqualTo("elever"));
    }

    private long count(String table, String factId) {
        return jdbc.sql("select count(*) from " + table + " where fact_id = :id").param("id", factId)
                .query(Long.class).single();
    }
}
