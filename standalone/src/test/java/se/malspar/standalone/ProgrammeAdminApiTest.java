package se.malspar.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programme admin API on real PostgreSQL: each endpoint's success and refusals, and the
 * stored events with their decision and user. Each test builds its own programme and decisions.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ProgrammeAdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    String suffix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a fresh decision of the organ on a date and returns its citation. */
    private String decision(String organ, String date) {
        String citation = organ + " " + date + " § " + Paragraphs.next();
        var created = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return citation;
    }

    private ApiClient.Response post(String path, String json) {
        return api.post("strategy", path, json);
    }

    private ApiClient.Response send(String method, String path, String json, Map<String, String> headers) {
        return api.send("strategy", method, path, json, headers);
    }

    /** Programme P, goal G under it, delmål D under G; returns {programmeId, goalId, delmalId}. */
    private String[] structure(String kf, String ks) {
        String programme = "prog-" + suffix;
        String goal = "KF4-" + suffix;
        assertThat(post("/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, suffix, kf)).status())
                .isEqualTo(201);
        assertThat(post("/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "%s", "name": "Delaktighet, tillgänglighet och trygghet", "goalArea": "4", "decision": "%s"}""".formatted(goal, kf)).status())
                .isEqualTo(201);
        var delmal = post("/api/admin/goals/" + goal + "/delmal", """
                {"name": "Upplevd effekt", "decision": "%s"}""".formatted(ks));
        assertThat(delmal.status()).as(delmal.toString()).isEqualTo(201);
        return new String[]{programme, goal, delmal.json().get("id").asText()};
    }

    private String indicator(String delmalId, String ks, String name) {
        var created = post("/api/admin/delmal/" + delmalId + "/indicators", """
                {"name": "%s", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": true, "source": {"kind": "KOLADA", "kpi": "N15428"}, "decision": "%s"}""".formatted(name, ks));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private List<JsonNode[]> events(String aggregateId) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8'), payload_type
                          from domain_event_entry where aggregate_identifier = :id order by sequence_number""")
                .param("id", aggregateId)
                .query((rs, n) -> new JsonNode[]{read(rs.getString(1)), read(rs.getString(2)),
                        JSON.valueToTree(rs.getString(3))})
                .list();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildsTheStructureAndEveryEventNamesItsDecisionAndUser() {
        String kf = decision("KF", "2020-10-26");
        String ks = decision("KS", "2021-01-13");
        String[] ids = structure(kf, ks);
        assertThat(ids[2]).isEqualTo(("KF4-" + suffix).toLowerCase() + "-upplevd-effekt");
        String indicator = indicator(ids[2], ks, "Upplevd trygghet, elever åk 9");

        var ambition = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"positiv utveckling och över länet (äldre) eller riket (elever)\", \"decision\": \"" + ks + "\"}", Map.of());
        assertThat(ambition.status()).as(ambition.toString()).isEqualTo(200);
        assertThat(ambition.header("ETag")).isEqualTo("\"1\"");
        var target = send("PUT", "/api/admin/indicators/" + indicator + "/target-value",
                "{\"value\": 85, \"year\": 2022, \"decision\": \"" + ks + "\"}", Map.of("If-Match", "\"1\""));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.header("ETag")).isEqualTo("\"2\"");
        var measurement = post("/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2021-AR", "value": 81.5, "dataPeriod": "2021", "referenceValues": {"NATIONAL": 80.1, "COUNTY": 82.0},
                 "source": {"kind": "SURVEY", "url": "https://example.org/elevenkat"}}""");
        assertThat(measurement.status()).as(measurement.toString()).isEqualTo(201);

        for (String aggregate : List.of(ids[0], ids[1], ids[2], indicator)) {
            for (JsonNode[] event : events(aggregate)) {
                assertThat(event[1].get("userId").asText()).isEqualTo("strategy");
                assertThat(event[1].get("loginMode").asText()).isEqualTo("basic");
                // Measurements and the verdicts computed from them are not decisions.
                if (!event[2].asText().endsWith("MeasurementRecorded") && !event[2].asText().endsWith("FulfilmentComputed")) {
                    String expected = event[2].asText().endsWith("ProgrammeCreated") || event[2].asText().endsWith("GoalAdded") ? kf : ks;
                    assertThat(event[0].get("decision").get("citation").asText()).as(event[2].asText()).isEqualTo(expected);
                }
            }
        }
        List<JsonNode[]> indicatorEvents = events(indicator);
        assertThat(indicatorEvents).extracting(e -> e[2].asText().replaceAll(".*\\.", ""))
                .containsExactly("IndicatorDefined", "AmbitionLevelSet", "TargetValueSet", "MeasurementRecorded",
                        "FulfilmentComputed");
        JsonNode level = indicatorEvents.get(1)[0].get("ambitionLevel");
        assertThat(level.get("text").asText()).isEqualTo("positiv utveckling och över länet (äldre) eller riket (elever)");
        assertThat(level.get("rules").size()).isEqualTo(4);
        assertThat(indicatorEvents.get(1)[0].get("effectiveFrom").asText()).isEqualTo("2021-01-13");
    }

    @Test
    void ambiguousAmbitionIsAcceptedAndMarkedAmbiguousAndTheClientMayResolveIt() {
        String ks = decision("KS", "2021-01-13");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        String indicator = indicator(ids[2], ks, "Gymnasiebehörighet");
        assertThat(send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"+4 % över riket 2022\", \"decision\": \"" + ks + "\"}", Map.of()).status()).isEqualTo(200);
        JsonNode level = events(indicator).get(1)[0].get("ambitionLevel");
        assertThat(level.get("ambiguous").asBoolean()).isTrue();
        assertThat(level.get("findings").toString()).contains("procentenheter");

        var conflict = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level", """
                {"text": "+4 %% över riket 2022", "rule": {"comparator": "ABOVE", "reference": "COUNTY", "margin": 4,
                 "marginUnit": "PERCENTAGE_POINTS", "targetYear": 2022}, "decision": "%s"}""".formatted(ks), Map.of());
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.json().get("code").asText()).isEqualTo("AMBITION_RULE_CONFLICT");

        var correction = post("/api/admin/indicators/" + indicator + "/ambition-level/corrections", """
                {"rule": {"comparator": "ABOVE", "reference": "NATIONAL", "margin": 4, "marginUnit": "PERCENTAGE_POINTS",
                 "targetYear": 2022}, "reason": "procentenheter enligt tjänsteskrivelsen"}""");
        assertThat(correction.status()).as(correction.toString()).isEqualTo(200);
        JsonNode corrected = events(indicator).get(2)[0];
        assertThat(events(indicator).get(2)[2].asText()).endsWith("AmbitionLevelCorrected");
        assertThat(corrected.has("decision")).isFalse();
        assertThat(corrected.get("corrects").get("citation").asText()).isEqualTo(ks);
        assertThat(corrected.get("reason").asText()).isEqualTo("procentenheter enligt tjänsteskrivelsen");
        assertThat(corrected.get("ambitionLevel").get("rulesSource").asText()).isEqualTo("CLIENT");
        assertThat(corrected.get("ambitionLevel").get("ambiguous").asBoolean()).isFalse();
    }

    @Test
    void unknownDecisionIsRefusedWithDecisionNotRegistered() {
        long before = eventCount();
        var refused = post("/api/admin/programmes", """
                {"programmeId": "p-%s", "name": "x", "ownerOrgan": "KF", "decision": "KF 1901-01-01 § 1"}""".formatted(suffix));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("DECISION_NOT_REGISTERED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void ksauParagraphLacksCompetenceAndKsCannotAdoptGoals() {
        String ksau = decision("KSAU", "2022-02-23");
        var refused = post("/api/admin/programmes", """
                {"programmeId": "p-%s", "name": "x", "ownerOrgan": "KF", "decision": "%s"}""".formatted(suffix, ksau));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("DECISION_LACKS_COMPETENCE");
        String ks = decision("KS", "2022-03-09");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        var goalByKs = post("/api/admin/programmes/" + ids[0] + "/goals", """
                {"goalId": "KF9-%s", "name": "Nytt mål", "decision": "%s"}""".formatted(suffix, ks));
        assertThat(goalByKs.status()).isEqualTo(422);
        assertThat(goalByKs.json().get("code").asText()).isEqualTo("DECISION_LACKS_COMPETENCE");
        var delmalByKsau = post("/api/admin/goals/" + ids[1] + "/delmal", "{\"name\": \"Tillgänglighet\", \"decision\": \"" + ksau + "\"}");
        assertThat(delmalByKsau.json().get("code").asText()).isEqualTo("DECISION_LACKS_COMPETENCE");
    }

    @Test
    void monthOnlyDecisionNeedsAnExplicitEffectiveDate() {
        // The only month-only KS decision of the 1960s any test registers, so it is new in a shared context.
        int year = 1961;
        String ks = "KS " + year + "-08";
        assertThat(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + ks + "\", \"title\": \"t\"}").status()).isEqualTo(201);
        String[] ids = structure(decision("KF", "2020-10-26"), decision("KS", "2021-01-13"));
        var refused = post("/api/admin/goals/" + ids[1] + "/delmal", "{\"name\": \"Tillgänglighet\", \"decision\": \"" + ks + "\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("EFFECTIVE_DATE_UNKNOWN");
        var explicit = post("/api/admin/goals/" + ids[1] + "/delmal",
                "{\"name\": \"Tillgänglighet\", \"decision\": \"" + ks + "\", \"effectiveFrom\": \"" + year + "-09-01\"}");
        assertThat(explicit.status()).as(explicit.toString()).isEqualTo(201);
    }

    @Test
    void namesAreUniquePerParentAndRetiredTargetsAreRefused() {
        String ks = decision("KS", "2022-03-09");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        var duplicate = post("/api/admin/goals/" + ids[1] + "/delmal",
                "{\"delmalId\": \"other-" + suffix + "\", \"name\": \"UPPLEVD EFFEKT\", \"decision\": \"" + ks + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asText()).isEqualTo("DUPLICATE_NAME");

        String indicator = indicator(ids[2], ks, "Trygghet");
        var retired = post("/api/admin/delmal/" + ids[2] + "/retire", "{\"decision\": \"" + ks + "\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        var indicatorUnderRetired = post("/api/admin/delmal/" + ids[2] + "/indicators", """
                {"name": "Ny", "unit": "st", "kind": "ACTIVITY", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "decision": "%s"}""".formatted(ks));
        assertThat(indicatorUnderRetired.status()).isEqualTo(422);
        assertThat(indicatorUnderRetired.json().get("code").asText()).isEqualTo("DELMAL_RETIRED");
        var renameRetired = post("/api/admin/delmal/" + ids[2] + "/rename", "{\"name\": \"Nytt\", \"decision\": \"" + ks + "\"}");
        assertThat(renameRetired.json().get("code").asText()).isEqualTo("DELMAL_RETIRED");
        var ambitionOnRetiredDelmal = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"över riket\", \"decision\": \"" + ks + "\"}", Map.of());
        assertThat(ambitionOnRetiredDelmal.json().get("code").asText()).isEqualTo("DELMAL_RETIRED");
        // The retired name is free again.
        assertThat(post("/api/admin/goals/" + ids[1] + "/delmal",
                "{\"delmalId\": \"again-" + suffix + "\", \"name\": \"Upplevd effekt\", \"decision\": \"" + ks + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    void unknownParentsAreNotFoundAndBadInputNamesTheField() {
        String ks = decision("KS", "2022-03-09");
        var noGoal = post("/api/admin/goals/NOPE-" + suffix + "/delmal", "{\"name\": \"x\", \"decision\": \"" + ks + "\"}");
        assertThat(noGoal.status()).isEqualTo(404);
        assertThat(noGoal.json().get("code").asText()).isEqualTo("NOT_FOUND");
        var noDecision = post("/api/admin/goals/G/delmal", "{\"name\": \"x\"}");
        assertThat(noDecision.status()).isEqualTo(400);
        assertThat(noDecision.json().get("errors").get(0).get("field").asText()).isEqualTo("decision");
        var badKind = post("/api/admin/delmal/d/indicators", """
                {"name": "x", "unit": "st", "kind": "GUESS", "direction": "HIGHER_IS_BETTER", "politicallyDecidedTarget": false, "decision": "%s"}""".formatted(ks));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
        var badId = post("/api/admin/goals/" + "x%20y" + "/delmal", "{\"name\": \"x\", \"decision\": \"" + ks + "\"}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asText()).isEqualTo("goalId");
        var badDecision = post("/api/admin/goals/G/delmal", "{\"name\": \"x\", \"decision\": \"KS 2022-03-09 $ 70\"}");
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.json().get("errors").get(0).get("field").asText()).isEqualTo("decision");
        var badPeriod = post("/api/admin/indicators/x/measurements", "{\"period\": \"2021-T3\", \"value\": 1, \"source\": {\"kind\": \"MANUAL\"}}");
        assertThat(badPeriod.status()).isIn(404, 422);
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() {
        String ks = decision("KS", "2021-01-13");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        String indicator = indicator(ids[2], ks, "SFI");
        var first = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"över riket\", \"decision\": \"" + ks + "\"}", Map.of("If-Match", "\"0\""));
        assertThat(first.status()).isEqualTo(200);
        var stale = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"positiv trend och över riket\", \"decision\": \"" + ks + "\"}", Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("PRECONDITION_FAILED");
        var badEtag = send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"x\", \"decision\": \"" + ks + "\"}", Map.of("If-Match", "yesterday"));
        assertThat(badEtag.status()).isEqualTo(400);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String kf = decision("KF", "2020-10-26");
        String body = "{\"programmeId\": \"idem-" + suffix + "\", \"name\": \"Idem " + suffix + "\", \"ownerOrgan\": \"KF\", \"decision\": \"" + kf + "\"}";
        var first = send("POST", "/api/admin/programmes", body, Map.of("Idempotency-Key", "k-" + suffix));
        var retry = send("POST", "/api/admin/programmes", body, Map.of("Idempotency-Key", "k-" + suffix));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(events("idem-" + suffix)).hasSize(1);
        assertThat(events("idem-" + suffix).get(0)[1].get("idempotencyKey").asText()).isEqualTo("k-" + suffix);
        var other = send("POST", "/api/admin/programmes", body.replace("Idem ", "Annat "), Map.of("Idempotency-Key", "k-" + suffix));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void tenParallelRequestsWithOneIdempotencyKeyWriteOneEvent() throws Exception {
        String ks = decision("KS", "2021-01-13");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        String indicator = indicator(ids[2], ks, "Valdeltagande");
        String body = "{\"period\": \"2022-T1\", \"value\": 84.2, \"source\": {\"kind\": \"MANUAL\"}}";
        List<ApiClient.Response> responses = parallel(10, i -> send("POST", "/api/admin/indicators/" + indicator + "/measurements",
                body, Map.of("Idempotency-Key", "measure-" + suffix)));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(events(indicator)).extracting(e -> e[2].asText()).filteredOn(t -> t.endsWith("MeasurementRecorded")).hasSize(1);
    }

    @Test
    void tenParallelAmbitionLevelsWithOneIfMatchLetExactlyOneThrough() throws Exception {
        String ks = decision("KS", "2021-01-13");
        String[] ids = structure(decision("KF", "2020-10-26"), ks);
        String indicator = indicator(ids[2], ks, "Komvux");
        List<ApiClient.Response> responses = parallel(10, i -> send("PUT", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"+" + (i + 1) + " procentenheter över riket 2022\", \"decision\": \"" + ks + "\"}", Map.of("If-Match", "\"0\"")));
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 412).hasSize(9);
        assertThat(events(indicator)).hasSize(2);
    }

    private interface Request {
        ApiClient.Response send(int i);
    }

    private static List<ApiClient.Response> parallel(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.send(index);
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
