package se.malspar.standalone.audit;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The raw event trail read from the event store through GET /api/audit/events, on real PostgreSQL. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class AuditTrailApiTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** A decision, its correction, a programme and a goal under it: four events, the last two naming the decision. */
    private String[] writeHistory(String correlationId, String idempotencyKey) {
        int p = Paragraphs.next();
        String citation = "KF 2020-10-26 § " + p;
        String decisionId = "kf-2020-10-26-p" + p;
        var registered = api.send("strategy", "POST", "/api/admin/decisions",
                "{\"citation\": \"" + citation + "\", \"title\": \"Strategiskt hållbarhetsprogram\"}",
                Map.of("X-Correlation-Id", correlationId));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var corrected = api.post("strategy", "/api/admin/decisions/" + decisionId + "/corrections",
                "{\"title\": \"Strategiskt hållbarhets- och utvecklingsprogram\", \"reason\": \"rubrik enligt protokollet\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        String programme = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.send("strategy", "POST", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}"""
                .formatted(programme, programme, citation), Map.of("Idempotency-Key", idempotencyKey));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var goal = api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "KF4-%s", "name": "Delaktighet", "goalArea": "4", "decision": "%s"}"""
                .formatted(programme, decisionId));
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        return new String[]{decisionId, citation, programme};
    }

    /**
     * The page after {@code before}, once it holds {@code count} events: a page stops before a gap
     * in the sequence while another transaction (a projection) is still writing.
     */
    private JsonNode settledPage(String user, long before, int count) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> page(user, before, 1000), page -> page.get("events").size() >= count);
    }

    private JsonNode page(String user, long afterSequence, int limit) {
        var response = api.get(user, "/api/audit/events?afterSequence=" + afterSequence + "&limit=" + limit);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void eventsWrittenThroughTheAdminApiAppearInGlobalOrderWithPayloadMetadataAndDecision() {
        long before = lastSequence();
        Instant start = Instant.now().minusSeconds(1);
        String correlationId = "audit-" + UUID.randomUUID();
        String idempotencyKey = "key-" + UUID.randomUUID();
        String[] written = writeHistory(correlationId, idempotencyKey);
        String decisionId = written[0];

        JsonNode trail = settledPage("auditor", before, 4);
        List<JsonNode> events = new ArrayList<>();
        trail.get("events").forEach(events::add);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("DecisionRegistered", "DecisionCorrected", "ProgrammeCreated", "GoalAdded");
        assertThat(trail.get("nextAfterSequence").isNull()).isTrue();
        assertThat(events.get(0).get("sequence").asLong()).isGreaterThan(before);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(events.get(0).get("sequence").asLong() + i);
        }

        JsonNode registered = events.get(0);
        assertThat(registered.get("payloadType").asText()).isEqualTo("se.malspar.kernel.decision.DecisionRegistered");
        assertThat(registered.get("revision").asText()).isEqualTo("2");
        assertThat(registered.get("eventId").asText()).isNotBlank();
        assertThat(registered.get("aggregate").get("id").asText()).isEqualTo(decisionId);
        assertThat(registered.get("aggregate").get("type").asText()).isEqualTo("Decision");
        assertThat(registered.get("aggregate").get("sequenceNumber").asLong()).isZero();
        assertThat(registered.get("payload").isObject()).as("payload is JSON, not a string").isTrue();
        assertThat(registered.get("payload").get("citation").asText()).isEqualTo(written[1]);
        assertThat(registered.get("payload").get("title").asText()).isEqualTo("Strategiskt hållbarhetsprogram");
        assertThat(registered.get("decision").isNull()).as("a registration names no other decision").isTrue();
        JsonNode metadata = registered.get("metadata");
        assertThat(metadata.isObject()).isTrue();
        assertThat(metadata.get("userId").asText()).isEqualTo("strategy");
        assertThat(metadata.get("loginMode").asText()).isEqualTo("basic");
        assertThat(metadata.get("traceId").asText()).isEqualTo(correlationId);
        assertThat(metadata.get("correlationId").asText()).isNotBlank();
        Instant recordedAt = Instant.parse(registered.get("recordedAt").asText());
        assertThat(recordedAt).isBetween(start, Instant.now().plusSeconds(1));

        JsonNode correction = events.get(1);
        assertThat(correction.get("aggregate").get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(correction.get("payload").get("reason").asText()).isEqualTo("rubrik enligt protokollet");

        JsonNode programme = events.get(2);
        assertThat(programme.get("aggregate").get("id").asText()).isEqualTo(written[2]);
        assertThat(programme.get("decision").get("decisionId").asText()).isEqualTo(decisionId);
        assertThat(programme.get("decision").get("citation").asText()).isEqualTo(written[1]);
        assertThat(programme.get("metadata").get("idempotencyKey").asText()).isEqualTo(idempotencyKey);
        assertThat(events.get(3).get("decision").get("decisionId").asText()).isEqualTo(decisionId);
        assertThat(Instant.parse(events.get(3).get("recordedAt").asText())).isAfterOrEqualTo(recordedAt);
    }

    @Test
    void filtersSelectTheEventsOfOneAggregateOneUserOrOneDecision() {
        long before = lastSequence();
        String[] written = writeHistory("audit-" + UUID.randomUUID(), "key-" + UUID.randomUUID());
        String decisionId = written[0];
        settledPage("auditor", before, 4);

        assertThat(types("decisionId=" + decisionId, before))
                .as("its own register events, and every event that cites it")
                .containsExactly("DecisionRegistered", "DecisionCorrected", "ProgrammeCreated", "GoalAdded");
        assertThat(types("aggregateId=" + written[2], before)).containsExactly("ProgrammeCreated");
        assertThat(types("aggregateId=" + written[2] + "&decisionId=" + decisionId, before)).containsExactly("ProgrammeCreated");
        assertThat(types("userId=strategy&decisionId=" + decisionId, before)).hasSize(4);
        assertThat(types("userId=auditor&decisionId=" + decisionId, before)).isEmpty();
        JsonNode limited = page("auditor", before, 2, "decisionId=" + decisionId);
        assertThat(limited.get("events")).hasSize(2);
        assertThat(types("decisionId=" + decisionId, limited.get("nextAfterSequence").asLong()))
                .containsExactly("ProgrammeCreated", "GoalAdded");
    }

    private List<String> types(String filter, long afterSequence) {
        List<String> types = new ArrayList<>();
        page("auditor", afterSequence, 1000, filter).get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private JsonNode page(String user, long afterSequence, int limit, String filter) {
        var response = api.get(user, "/api/audit/events?afterSequence=" + afterSequence + "&limit=" + limit + "&" + filter);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void pagesByAfterSequenceAreDisjointAndConsecutive() {
        long before = lastSequence();
        writeHistory("paging-" + UUID.randomUUID(), "paging-" + UUID.randomUUID());
        writeHistory("paging-" + UUID.randomUUID(), "paging-" + UUID.randomUUID());
        List<Long> all = new ArrayList<>();
        settledPage("revisor", before, 8).get("events").forEach(e -> all.add(e.get("sequence").asLong()));
        assertThat(all).hasSize(8);

        List<Long> paged = new ArrayList<>();
        Long after = all.get(0) - 1;
        int pages = 0;
        while (after != null) {
            JsonNode page = page("auditor", after, 3);
            List<Long> sequences = new ArrayList<>();
            page.get("events").forEach(e -> sequences.add(e.get("sequence").asLong()));
            assertThat(sequences).hasSizeLessThanOrEqualTo(3).allSatisfy(s -> assertThat(s).isGreaterThan(before));
            if (!paged.isEmpty() && !sequences.isEmpty()) {
                assertThat(sequences.get(0)).as("continues where the last page ended").isEqualTo(paged.get(paged.size() - 1) + 1);
            }
            paged.addAll(sequences);
            JsonNode next = page.get("nextAfterSequence");
            after = next.isNull() ? null : next.asLong();
            if (after != null) {
                assertThat(after).isEqualTo(sequences.get(sequences.size() - 1));
            }
            assertThat(++pages).isLessThanOrEqualTo(4);
        }
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);

        // The defaults: from the first event, 100 at most.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode first = page("strategy", 0, 100);
            var defaults = api.get("strategy", "/api/audit/events");
            assertThat(defaults.status()).isEqualTo(200);
            assertThat(defaults.json().get("events")).isEqualTo(first.get("events"));
            assertThat(first.get("events").size()).isBetween(1, 100);
        });
    }

    @Test
    void limitOutsideOneToThousandAndNegativeAfterSequenceAreRefused() {
        for (String query : List.of("limit=0", "limit=5000", "limit=-1", "limit=1001", "afterSequence=-1", "limit=many")) {
            var refused = api.get("auditor", "/api/audit/events?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.get("auditor", "/api/audit/events?limit=1000").status()).isEqualTo(200);
        assertThat(api.get("auditor", "/api/audit/events?limit=1").status()).isEqualTo(200);
    }

    @Test
    void readersMayReadTheTrailOthersMayNot() {
        assertThat(api.get("auditor", "/api/audit/events?limit=1").status()).isEqualTo(200);
        assertThat(api.get("revisor", "/api/audit/events?limit=1").status()).isEqualTo(200);
        assertThat(api.get("strategy", "/api/audit/events?limit=1").status()).isEqualTo(200);
        assertThat(api.get("operator", "/api/audit/events?limit=1").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/audit/events?limit=1").status()).isEqualTo(401);
    }
}
