package se.malspar.standalone.client;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClientResponseException;
import se.malspar.generated.client.ApiClient;
import se.malspar.generated.client.api.AuditApi;
import se.malspar.generated.client.api.DecisionsAdminApi;
import se.malspar.generated.client.api.DecisionsApi;
import se.malspar.generated.client.api.FollowUpPeriodsAdminApi;
import se.malspar.generated.client.api.IndicatorsAdminApi;
import se.malspar.generated.client.api.KoladaImportAdminApi;
import se.malspar.generated.client.api.ProgrammeAdminApi;
import se.malspar.generated.client.api.ProgrammeApi;
import se.malspar.generated.client.model.Accepted;
import se.malspar.generated.client.model.AddDelmalRequest;
import se.malspar.generated.client.model.AddGoalRequest;
import se.malspar.generated.client.model.AmbitionLevelSetChange;
import se.malspar.generated.client.model.AmbitionLevelVersion;
import se.malspar.generated.client.model.ClosePeriodRequest;
import se.malspar.generated.client.model.CreateProgrammeRequest;
import se.malspar.generated.client.model.DecisionEntry;
import se.malspar.generated.client.model.DecisionRegisteredEvent;
import se.malspar.generated.client.model.DefineIndicatorRequest;
import se.malspar.generated.client.model.DefinitionVersion;
import se.malspar.generated.client.model.DelmalAddedChange;
import se.malspar.generated.client.model.DelmalRenamedChange;
import se.malspar.generated.client.model.Event;
import se.malspar.generated.client.model.ImportSummary;
import se.malspar.generated.client.model.IndicatorSource;
import se.malspar.generated.client.model.KoladaDocument;
import se.malspar.generated.client.model.KoladaEntry;
import se.malspar.generated.client.model.KoladaFigure;
import se.malspar.generated.client.model.MeasurementSource;
import se.malspar.generated.client.model.PeriodClosedChange;
import se.malspar.generated.client.model.PeriodStateValue;
import se.malspar.generated.client.model.Problem;
import se.malspar.generated.client.model.ProgrammeAdded;
import se.malspar.generated.client.model.ProgrammeChange;
import se.malspar.generated.client.model.ProgrammeRenamed;
import se.malspar.generated.client.model.ProgrammeTree;
import se.malspar.generated.client.model.RecordMeasurementRequest;
import se.malspar.generated.client.model.RegisterDecisionRequest;
import se.malspar.generated.client.model.RenameDelmalRequest;
import se.malspar.generated.client.model.SetAmbitionLevelRequest;
import se.malspar.generated.client.model.Version;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Java client openapi-generator builds from docs/openapi.json (the live document, see
 * {@link OpenApiSnapshotTest}), used as an integrator would, unedited, against the running system
 * on embedded PostgreSQL: it logs in, writes a small programme, reads it as the auditor's guided
 * tour does (tree before and after a decision, the diff, the decision's changes, the indicator's
 * history, the incomplete decisions, the audit trail — each change and event as its typed
 * variant), registers a decision with Idempotency-Key, records a measurement with If-Match,
 * uploads a Kolada document, and gets refusals as typed problem details.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class GeneratedClientTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @LocalServerPort
    int port;
    ApiClient strategy;
    ApiClient auditor;
    String suffix;

    @BeforeEach
    void login() {
        strategy = client("strategy");
        auditor = client("auditor");
        suffix = "gc" + RUN.incrementAndGet();
    }

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.setBasePath("http://localhost:" + port);
        client.setUsername(user);
        client.setPassword(MalsparApplicationTest.DEMO_PASSWORD);
        return client;
    }

    @Test
    void theGuidedTourDecisionsMeasurementsAndKoladaThroughTheGeneratedClient() {
        DecisionsAdminApi decisions = new DecisionsAdminApi(strategy);
        ProgrammeAdminApi programmes = new ProgrammeAdminApi(strategy);
        IndicatorsAdminApi indicators = new IndicatorsAdminApi(strategy);

        // A decision registered with Idempotency-Key: the retry gets the first answer, nothing new.
        RegisterDecisionRequest kf = new RegisterDecisionRequest().citation("KF 2024-12-27 § " + RUN.get())
                .title("Program " + suffix);
        DecisionEntry first = decisions.registerDecision(kf, "register-" + suffix);
        DecisionEntry retry = decisions.registerDecision(kf, "register-" + suffix);
        assertThat(retry.getDecisionId()).isEqualTo(first.getDecisionId());
        String ks = decisions.registerDecision(new RegisterDecisionRequest()
                .citation("KS 2024-12-28 § " + RUN.get()).title("Delmål " + suffix), null).getCitation();
        String ksRename = decisions.registerDecision(new RegisterDecisionRequest()
                .citation("KS 2025-02-03 § " + RUN.get()).title("Nytt namn " + suffix), null).getCitation();

        String programme = "prog-" + suffix;
        programmes.createProgramme(new CreateProgrammeRequest().programmeId(programme).name("Program " + suffix)
                .ownerOrgan("KF").decision(first.getCitation()), null);
        programmes.addGoal(programme, new AddGoalRequest().goalId("KF2-" + suffix).name("Utbildning")
                .goalArea("2").decision(first.getCitation()), null);
        String delmal = programmes.addDelmal("KF2-" + suffix, new AddDelmalRequest().name("Lärande")
                .decision(ks), null).getId();
        programmes.renameDelmal(delmal, new RenameDelmalRequest().name("Lärande och utbildning").decision(ksRename),
                null, null);
        Accepted defined = indicators.defineIndicator(delmal, new DefineIndicatorRequest().name("Behörighet")
                .unit("procent").kind(DefineIndicatorRequest.KindEnum.MEASURED)
                .direction(DefineIndicatorRequest.DirectionEnum.HIGHER_IS_BETTER).politicallyDecidedTarget(false)
                .source(new IndicatorSource().kind(IndicatorSource.KindEnum.KOLADA).kpi("U" + suffix.toUpperCase()))
                .decision(ks), null);
        String indicator = defined.getId();
        Accepted leveled = indicators.setAmbitionLevel(indicator, new SetAmbitionLevelRequest()
                .text("positiv trend").decision(ks), null, "\"" + defined.getVersion() + "\"");

        // A measurement with If-Match: the current version is accepted, a stale one is a typed 412.
        RecordMeasurementRequest measurement = new RecordMeasurementRequest().period("2023-T1")
                .value(new BigDecimal("80.5")).dataPeriod("2022")
                .source(new MeasurementSource().kind(MeasurementSource.KindEnum.MANUAL));
        Accepted measured = indicators.recordMeasurement(indicator, measurement, null, "\"" + leveled.getVersion() + "\"");
        assertThat(measured.getVersion()).isGreaterThan(leveled.getVersion());
        Problem stale = problem(() -> indicators.recordMeasurement(indicator, measurement.period("2023-T2"), null,
                "\"" + leveled.getVersion() + "\""));
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(stale.getCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(stale.getType()).isEqualTo("/problem/precondition-failed");
        assertThat(stale.getInstance()).isEqualTo("/api/admin/indicators/" + indicator + "/measurements");

        // A refused write reaches the caller as a typed problem naming what is wrong.
        Problem unregistered = problem(() -> programmes.addDelmal("KF2-" + suffix, new AddDelmalRequest()
                .name("Utan beslut").decision("KS 2024-12-29 § 999"), null));
        assertThat(unregistered.getStatus()).isEqualTo(422);
        assertThat(unregistered.getCode()).isEqualTo("DECISION_NOT_REGISTERED");
        Problem invalid = problem(() -> indicators.recordMeasurement(indicator, measurement.period("2023-T3"), null, null));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getErrors()).singleElement().satisfies(e -> assertThat(e.getField()).isEqualTo("period"));

        // A Kolada document uploaded as a typed JSON body, with its required report period.
        KoladaDocument document = new KoladaDocument().count(1).values(List.of(new KoladaEntry()
                .kpi("U" + suffix.toUpperCase()).municipality("0665").period(2022)
                .values(List.of(new KoladaFigure().gender(KoladaFigure.GenderEnum.T).count(1).status("")
                        .value(new BigDecimal("81.2")).isdeleted(false)))));
        ImportSummary imported = new KoladaImportAdminApi(strategy).uploadKoladaDocument("2022-AR", document,
                "generated-client", null, null);
        assertThat(imported.getRecorded()).isEqualTo(1);
        assertThat(imported.getIndicators()).singleElement().satisfies(result -> {
            assertThat(result.getIndicatorId()).isEqualTo(indicator);
            assertThat(result.getValue()).isEqualByComparingTo("81.2");
        });

        // The guided tour's reads, as the auditor.
        ProgrammeApi reads = new ProgrammeApi(auditor);
        ProgrammeTree before = await().atMost(Duration.ofSeconds(10)).until(
                () -> reads.getProgrammeTree(programme, LocalDate.of(2025, 1, 1), null, null, null, null, null),
                tree -> tree.getGoals().size() == 1 && !tree.getGoals().get(0).getDelmal().isEmpty()
                        && !tree.getGoals().get(0).getDelmal().get(0).getIndicators().isEmpty());
        assertThat(before.getGoals().get(0).getDelmal().get(0).getName()).isEqualTo("Lärande");
        ProgrammeTree after = reads.getProgrammeTree(programme, LocalDate.of(2025, 2, 4), null, null, null, null, null);
        assertThat(after.getGoals().get(0).getDelmal().get(0).getName()).isEqualTo("Lärande och utbildning");

        List<ProgrammeChange> diff = reads.getProgrammeDiff(programme, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 4), null, null).getChanges();
        assertThat(diff).singleElement().isInstanceOfSatisfying(ProgrammeRenamed.class, renamed -> {
            assertThat(renamed.getBefore()).isEqualTo("Lärande");
            assertThat(renamed.getAfter()).isEqualTo("Lärande och utbildning");
        });
        assertThat(reads.getProgrammeDiff(programme, LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1), null, null)
                .getChanges()).hasAtLeastOneElementOfType(ProgrammeAdded.class)
                .filteredOn(ProgrammeAdded.class::isInstance).map(c -> ((ProgrammeAdded) c).getAfter())
                .contains("Lärande");

        DecisionsApi register = new DecisionsApi(auditor);
        String ksId = register.getDecisions(null, null, null).stream()
                .filter(d -> d.getCitation().equals(ks)).findFirst().orElseThrow().getDecisionId();
        assertThat(register.getDecision(ksId).getChanges())
                .hasAtLeastOneElementOfType(DelmalAddedChange.class)
                .hasAtLeastOneElementOfType(AmbitionLevelSetChange.class)
                .filteredOn(AmbitionLevelSetChange.class::isInstance)
                .singleElement().satisfies(c -> assertThat(((AmbitionLevelSetChange) c).getAfter().getText())
                        .isEqualTo("positiv trend"));
        String renameId = register.getDecisions(null, null, null).stream()
                .filter(d -> d.getCitation().equals(ksRename)).findFirst().orElseThrow().getDecisionId();
        assertThat(register.getDecision(renameId).getChanges()).singleElement()
                .isInstanceOfSatisfying(DelmalRenamedChange.class, c -> {
                    assertThat(c.getBefore().getName()).isEqualTo("Lärande");
                    assertThat(c.getAfter().getName()).isEqualTo("Lärande och utbildning");
                });

        List<Version> versions = reads.getIndicatorHistory(indicator, null).getVersions();
        assertThat(versions).filteredOn(DefinitionVersion.class::isInstance).singleElement()
                .satisfies(v -> assertThat(((DefinitionVersion) v).getValue().getSource().getKpi())
                        .isEqualTo("U" + suffix.toUpperCase()));
        assertThat(versions).filteredOn(AmbitionLevelVersion.class::isInstance).singleElement()
                .satisfies(v -> assertThat(((AmbitionLevelVersion) v).getValue().getRules()).isNotEmpty());
        assertThat(reads.getIndicatorFulfilment(indicator, "2023-T1").getPeriod()).isEqualTo("2023-T1");
        assertThat(register.getDecisions(true, null, null)).allSatisfy(d -> assertThat(d.getIncomplete()).isTrue());

        List<Event> trail = new AuditApi(auditor).getAuditEvents(null, 1000, null, null, first.getDecisionId())
                .getEvents();
        assertThat(trail).filteredOn(DecisionRegisteredEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DecisionRegisteredEvent) e).getPayload().getCitation())
                        .isEqualTo(first.getCitation()));

        // A kind of change added this round reads as its own class: a period closed by an annual report.
        // (2087-T2: no other test measures in it; closing is for every indicator.)
        DecisionEntry annualReport = decisions.registerDecision(new RegisterDecisionRequest()
                .citation("KF 2025-04-2" + RUN.get() % 10 + " § " + RUN.get()).title("Årsredovisning " + suffix), null);
        new FollowUpPeriodsAdminApi(strategy).closePeriod("2087-T2",
                new ClosePeriodRequest().decision(annualReport.getCitation()), null);
        assertThat(await().atMost(Duration.ofSeconds(10)).until(
                () -> register.getDecision(annualReport.getDecisionId()).getChanges(), changes -> !changes.isEmpty()))
                .singleElement().isInstanceOfSatisfying(PeriodClosedChange.class, c -> {
                    assertThat(c.getEntityId()).isEqualTo("2087-T2");
                    assertThat(c.getAfter().getState()).isEqualTo(PeriodStateValue.StateEnum.CLOSED);
                });
    }

    @Test
    void withoutCredentialsTheClientGetsATyped401() {
        ApiClient anonymous = new ApiClient();
        anonymous.setBasePath("http://localhost:" + port);
        Problem problem = problem(() -> new ProgrammeApi(anonymous).getProgrammes());
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getCode()).isEqualTo("UNAUTHENTICATED");
    }

    /** What a caller of the generated client does with a refusal: read its body as the Problem model. */
    private static Problem problem(Runnable call) {
        RestClientResponseException[] refused = new RestClientResponseException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RestClientResponseException.class, e -> refused[0] = e);
        Problem problem = refused[0].getResponseBodyAs(Problem.class);
        assertThat(problem).as(refused[0].getResponseBodyAsString()).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(refused[0].getStatusCode().value());
        return problem;
    }
}
