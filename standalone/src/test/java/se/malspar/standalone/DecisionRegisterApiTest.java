package se.malspar.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The decision register end to end: admin API → event store → projection → read API, on real PostgreSQL. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class DecisionRegisterApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    /** A paragraph number no other test uses, so tests sharing this context stay independent. */
    private static int freshParagraph() {
        return 1 + Math.floorMod(UUID.randomUUID().hashCode(), 9000);
    }

    private JsonNode awaitDecision(String decisionId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/decisions/" + decisionId),
                r -> r.status() == 200).json();
    }

    @Test
    void registeredDecisionIsReadBackFromTheRegister() {
        int p = freshParagraph();
        var created = api.post("strategy", "/api/admin/decisions", """
                {"organ": "KS", "meetingDate": "2021-01-13", "paragraph": %d, "caseNumber": "KS 2019/191",
                 "title": "Ambitionsnivå för fullmäktiges mål"}""".formatted(p));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = "ks-2021-01-13-p" + p;
        assertThat(created.json().get("decisionId").asText()).isEqualTo(id);
        assertThat(created.json().get("citation").asText()).isEqualTo("KS 2021-01-13 § " + p);
        assertThat(created.header("Location")).isEqualTo("/api/decisions/" + id);

        JsonNode entry = awaitDecision(id);
        assertThat(entry.get("title").asText()).isEqualTo("Ambitionsnivå för fullmäktiges mål");
        assertThat(entry.get("caseNumber").asText()).isEqualTo("KS 2019/191");
        assertThat(entry.get("effectiveFrom").asText()).isEqualTo("2021-01-13");
        assertThat(entry.get("incomplete").asBoolean()).isFalse();
        assertThat(entry.get("registeredBy").asText()).isEqualTo("strategy");

        var list = api.get("revisor", "/api/decisions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("decisionId")).contains(id);
        // The citation is accepted as a path reference too.
        assertThat(api.get("auditor", "/api/decisions/" + java.net.URLEncoder.encode("KS 2021-01-13 § " + p,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).status()).isEqualTo(200);
    }

    @Test
    void decisionWithoutParagraphIsAcceptedAndListedAsIncomplete() {
        int year = 1990 + Math.floorMod(UUID.randomUUID().hashCode(), 30);
        var created = api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KF " + year + "-10\", \"title\": \"Strategiskt hållbarhets- och utvecklingsprogram\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("incomplete").asBoolean()).isTrue();
        assertThat(created.json().get("effectiveFrom").isNull()).isTrue();

        JsonNode entry = awaitDecision("kf-" + year + "-10");
        assertThat(entry.get("paragraph").isNull()).isTrue();
        assertThat(entry.get("effectiveFrom").isNull()).isTrue();
        assertThat(api.get("revisor", "/api/decisions?incomplete=true").json().findValuesAsText("decisionId"))
                .contains("kf-" + year + "-10")
                .allSatisfy(id -> assertThat(id).doesNotContain("-p"));
    }

    @Test
    void registeringTheSameDecisionTwiceIsAConflict() {
        int p = freshParagraph();
        String body = "{\"citation\": \"KS 2022-03-09 § " + p + "\", \"title\": \"t\"}";
        assertThat(api.post("strategy", "/api/admin/decisions", body).status()).isEqualTo(201);
        var again = api.post("strategy", "/api/admin/decisions",
                "{\"organ\": \"ks\", \"meetingDate\": \"2022-03-09\", \"paragraph\": " + p + ", \"title\": \"t\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("DUPLICATE_DECISION");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void malformedCitationIsRefusedAndWritesNothing() {
        long before = eventCount();
        for (String citation : List.of("KS 2022-03-09 $ 70", "КS 2022-03-09 § 70", "KS 2022-02-30 § 70", "KS 2022-03-09 § ７０")) {
            var refused = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
            assertThat(refused.status()).as(citation).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("citation");
        }
        var disagreeing = api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KS 2022-03-09 § 70\", \"organ\": \"KF\", \"meetingDate\": \"2022-03-09\", \"paragraph\": 70, \"title\": \"t\"}");
        assertThat(disagreeing.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void correctionIsKeptAsACorrectionWithItsReason() {
        int p = freshParagraph();
        String id = "ks-2020-10-07-p" + p;
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2020-10-07 § " + p + "\", \"title\": \"Kommunstyrelsens mål 2020\"}");
        var corrected = api.post("strategy", "/api/admin/decisions/" + id + "/corrections",
                "{\"title\": \"Kommunstyrelsens mål 2020 (korrigering av delmål)\", \"reason\": \"rubrik enligt protokollet\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/decisions/" + id).json(),
                json -> json.path("corrections").size() == 1);
        assertThat(entry.get("title").asText()).isEqualTo("Kommunstyrelsens mål 2020 (korrigering av delmål)");
        JsonNode correction = entry.get("corrections").get(0);
        assertThat(correction.get("reason").asText()).isEqualTo("rubrik enligt protokollet");
        assertThat(correction.get("correctedFields").get(0).asText()).isEqualTo("title");
        assertThat(correction.get("recordedBy").asText()).isEqualTo("strategy");

        var nothing = api.post("strategy", "/api/admin/decisions/" + id + "/corrections",
                "{\"title\": \"Kommunstyrelsens mål 2020 (korrigering av delmål)\", \"reason\": \"igen\"}");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.json().get("code").asText()).isEqualTo("NOTHING_TO_CORRECT");
        var unknown = api.post("strategy", "/api/admin/decisions/ks-1999-01-01-p1/corrections",
                "{\"title\": \"x\", \"reason\": \"y\"}");
        assertThat(unknown.status()).isEqualTo(404);
        var noReason = api.post("strategy", "/api/admin/decisions/" + id + "/corrections", "{\"title\": \"x\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }

    @Test
    void unknownDecisionIsNotFound() {
        var missing = api.get("auditor", "/api/decisions/ks-1901-01-01-p1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void storedEventsAreJsonInByteaColumnsAndNoLargeObjectsExist() {
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2019-02-06 § " + freshParagraph() + "\", \"title\": \"Tidsplan och process för nya mål\"}");
        Map<String, String> types = jdbc.sql("""
                        select table_name || '.' || column_name as col, data_type from information_schema.columns
                         where (table_name, column_name) in (('domain_event_entry', 'payload'), ('domain_event_entry', 'meta_data'),
                               ('snapshot_event_entry', 'payload'), ('snapshot_event_entry', 'meta_data'),
                               ('token_entry', 'token'), ('saga_entry', 'serialized_saga'),
                               ('dead_letter_entry', 'payload'), ('dead_letter_entry', 'meta_data'),
                               ('dead_letter_entry', 'token'), ('dead_letter_entry', 'diagnostics'))""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(types).hasSize(10).allSatisfy((column, type) -> assertThat(type).as(column).isEqualTo("bytea"));
        // Every large object has a row here (pg_largeobject itself is readable by superusers only).
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single()).isZero();

        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry order by global_index desc limit 1")
                .query(String.class).single();
        assertThat(payload).startsWith("{").contains("\"citation\":\"KS 2019-02-06 §");
    }

    @Test
    void globalIndexHasItsOwnSequenceWithIncrementOne() {
        Long increment = jdbc.sql("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'")
                .query(Long.class).single();
        assertThat(increment).isEqualTo(1L);
        List<String> constraints = jdbc.sql("""
                        select pg_get_constraintdef(oid) from pg_constraint
                         where conrelid = 'domain_event_entry'::regclass and contype = 'u'""")
                .query(String.class).list();
        assertThat(constraints).containsExactlyInAnyOrder(
                "UNIQUE (aggregate_identifier, sequence_number)", "UNIQUE (event_identifier)");
        // Consecutive writes get consecutive global indexes: no gaps for processors to wait out.
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KSAU 2021-02-17 § " + freshParagraph() + "\", \"title\": \"a\"}");
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KSAU 2021-02-17 § " + freshParagraph() + "\", \"title\": \"b\"}");
        List<Long> last = jdbc.sql("select global_index from domain_event_entry order by global_index desc limit 2")
                .query(Long.class).list();
        assertThat(last.get(0) - last.get(1)).isEqualTo(1L);
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteEvents() {
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2019-03-06 § " + freshParagraph() + "\", \"title\": \"Mål för ny mandatperiod\"}");
        // The application's role has no right to (LeastPrivilegeTest); the owner is stopped by the trigger.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("update domain_event_entry set payload_type = 'x'").update())
                .rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("delete from domain_event_entry").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
