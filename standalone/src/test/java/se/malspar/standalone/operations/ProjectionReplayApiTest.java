package se.malspar.standalone.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding read models through the operations API: every read model, rebuilt from the event
 * store, ends up with exactly the rows it had.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ProjectionReplayApiTest {

    /** Axon's tables, the command side's lookups and the idempotency records: not read models. */
    private static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history",
            "decision_lookup", "structure_lookup", "idempotency_record",
            // bookkeeping of the read models (their positions for ETags), not rows a replay rebuilds
            "read_model_position",
            // the tamper-evident log: sealed by its own thread as events arrive and signed every 30 s,
            // never touched by a replay, so it may change between the two hashes
            "integrity_checkpoint", "integrity_leaf", "integrity_node", "integrity_public_key",
            "integrity_verification");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    ProjectionsApi projections;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        projections = new ProjectionsApi(api);
    }

    /** An md5 of every row of every read-model table, by table. */
    private Map<String, String> readModelHashes() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE'""")
                .query(String.class).list();
        Map<String, String> hashes = new TreeMap<>();
        tables.stream().filter(t -> !NOT_READ_MODELS.contains(t)).forEach(table -> hashes.put(table,
                jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), 'empty') from \""
                                + table.replace("\"", "\"\"") + "\" t")
                        .query(String.class).single()));
        return hashes;
    }

    private void writeDecisionsAndCorrections() {
        for (int i = 0; i < 6; i++) {
            int p = Paragraphs.next();
            var created = api.post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2021-06-" + (10 + i) + " § " + p + "\", \"title\": \"Beslut " + p + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            if (i % 2 == 0) {
                String id = created.json().get("decisionId").asText();
                var corrected = api.post("strategy", "/api/admin/decisions/" + id + "/corrections",
                        "{\"title\": \"Beslut " + p + " (rättad rubrik)\", \"caseNumber\": \"KS 2021/" + p
                                + "\", \"reason\": \"enligt protokollet\"}");
                assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
            }
        }
    }

    private JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    /**
     * An indicator with several measurements per period (each superseding the one before) and an
     * assessment, under a renamed delmål, with a corrected ambition level.
     */
    private String writeMeasurements() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String kf = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KF 2021-02-22 § "
                + Paragraphs.next() + "\", \"title\": \"t\"}")).get("citation").asText();
        String ks = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2021-03-03 § "
                + Paragraphs.next() + "\", \"title\": \"t\"}")).get("citation").asText();
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "replay-%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(run, run, kf)));
        ok(api.post("strategy", "/api/admin/programmes/replay-" + run + "/goals", """
                {"goalId": "G-%s", "name": "Trygghet", "decision": "%s"}""".formatted(run, kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/G-" + run + "/delmal",
                "{\"name\": \"Trygg kommun\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        String indicator = ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Andel trygga", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "MANUAL"}, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
        // Facts too: a rename (its programme looked up from the delmål's first fact) and a
        // corrected ambition level (the correction reads the facts before it).
        ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/rename",
                "{\"name\": \"Trygg och säker kommun\", \"decision\": \"" + ks + "\"}"));
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"+4 % över riket 2022\", \"decision\": \"" + ks + "\"}"));
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/ambition-level/corrections", """
                {"rule": {"comparator": "ABOVE", "reference": "NATIONAL", "margin": 4, "marginUnit": "PERCENTAGE_POINTS",
                 "targetYear": 2022}, "reason": "procentenheter enligt tjänsteskrivelsen"}"""));
        int i = 0;
        for (String period : List.of("2021-AR", "2022-T1", "2021-AR", "2022-T1", "2021-AR", "2022-T1", "2021-AR")) {
            ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                    {"period": "%s", "value": %d.25, "dataPeriod": "2021", "referenceValues": {"NATIONAL": 80.0},
                     "source": {"kind": "MANUAL"}}""".formatted(period, 70 + i++)));
        }
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/assessments",
                "{\"period\": \"2021-AR\", \"status\": \"YELLOW\", \"motivation\": \"Osäkra siffror\"}"));
        return indicator;
    }

    @Test
    void everyReadModelRebuiltFromTheEventStoreHasExactlyTheRowsItHadBefore() {
        writeDecisionsAndCorrections();
        String indicator = writeMeasurements();
        projections.awaitAllCaughtUp();
        Map<String, String> before = readModelHashes();
        assertThat(before).containsKeys("decision_register", "decision_register_correction");
        assertThat(before.get("decision_register_correction")).isNotEqualTo("empty");
        // Measurements and verdicts superseded by later ones are part of what is compared.
        assertThat(jdbc.sql("select count(*) from programme_measurement where indicator_id = :id and superseded_by is not null")
                .param("id", indicator).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from programme_verdict where indicator_id = :id and superseded_by is not null")
                .param("id", indicator).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from programme_ambition_level where indicator_id = :id and superseded_by is not null")
                .param("id", indicator).query(Long.class).single()).isEqualTo(1);

        List<String> names = projections.all().stream().map(p -> p.get("name").asText()).toList();
        assertThat(names).contains("decision-register").doesNotContain("decision-lookup", "structure-lookup");
        for (String name : names) {
            long headBefore = projections.one(name).get("head").asLong();
            Instant requested = Instant.now().minusSeconds(1);
            var started = api.post("operator", "/api/admin/projections/" + name + "/replay", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("name").asText()).isEqualTo(name);
            assertThat(started.json().get("state").asText()).isIn("REPLAYING", "RUNNING");

            // A few events replay in milliseconds: progress is checked whenever it is caught.
            JsonNode done = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
                JsonNode now = projections.one(name);
                JsonNode progress = now.get("progress");
                if (!progress.isNull()) {
                    assertThat(now.get("state").asText()).isEqualTo("REPLAYING");
                    assertThat(progress.get("eventsTotal").asLong()).isEqualTo(headBefore);
                    assertThat(progress.get("eventsDone").asLong()).isBetween(0L, headBefore);
                    assertThat(progress.get("eventsPerSecond").asDouble()).isGreaterThanOrEqualTo(0);
                    assertThat(Instant.parse(progress.get("startedAt").asText())).isAfter(requested);
                }
                return now;
            }, ProjectionsApi::caughtUp);
            assertThat(done.get("position").asLong()).isEqualTo(done.get("head").asLong()).isEqualTo(headBefore);
            assertThat(done.get("segments")).isNotEmpty().allSatisfy(segment -> {
                assertThat(segment.get("position").asLong()).isEqualTo(headBefore);
                assertThat(segment.get("replaying").asBoolean()).isFalse();
                assertThat(segment.get("error").isNull()).isTrue();
            });
        }

        assertThat(readModelHashes()).isEqualTo(before);
        // And the register reads as before.
        assertThat(api.get("auditor", "/api/decisions").status()).isEqualTo(200);
    }

    @Test
    void listsEachReadModelWithPositionHeadLagAndSegments() {
        writeDecisionsAndCorrections();
        projections.awaitAllCaughtUp();
        JsonNode register = projections.all().stream()
                .filter(p -> p.get("name").asText().equals("decision-register")).findFirst().orElseThrow();
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        assertThat(register.get("state").asText()).isEqualTo("RUNNING");
        assertThat(register.get("head").asLong()).isEqualTo(head);
        assertThat(register.get("position").asLong()).isEqualTo(head);
        assertThat(register.get("lag").asLong()).isZero();
        assertThat(register.get("error").isNull()).isTrue();
        assertThat(register.get("progress").isNull()).isTrue();
        assertThat(register.get("segments")).hasSize(2).allSatisfy(segment -> {
            assertThat(segment.get("claimed").asBoolean()).isTrue();
            assertThat(segment.get("position").asLong()).isEqualTo(head);
        });
    }

    @Test
    void onlyTheOperatorMaySeeOrReplayProjections() {
        assertThat(api.get("auditor", "/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.get("strategy", "/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/admin/projections").status()).isEqualTo(401);
        var forbidden = api.post("strategy", "/api/admin/projections/decision-register/replay", null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.post("auditor", "/api/admin/projections/decision-register/replay", null).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/admin/projections/decision-register/replay", null).status()).isEqualTo(401);
    }

    @Test
    void unknownProjectionsAndCommandSideLookupsAreNotFound() {
        for (String name : List.of("no-such-projection", "decision-lookup")) {
            var missing = api.post("operator", "/api/admin/projections/" + name + "/replay", null);
            assertThat(missing.status()).as(name).isEqualTo(404);
            assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(api.get("operator", "/api/admin/projections/" + name).status()).isEqualTo(404);
        }
    }

    @Test
    void prometheusShowsTheProjectionGauges() {
        var metrics = api.get("operator", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("malspar_processor_position{processor=\"decision-register\"")
                .contains("malspar_processor_replaying{processor=\"decision-register\"")
                .contains("malspar_processor_error{processor=\"decision-register\"")
                .contains("malspar_processor_replay_progress{processor=\"decision-register\"");
    }
}
