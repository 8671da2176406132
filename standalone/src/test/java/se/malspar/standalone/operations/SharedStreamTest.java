package se.malspar.standalone.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read models that share one processor ({@code malspar.processors.shared-stream.groups}): one
 * stream, one token, one batch. A failure of one of them still stops the processor visibly (ERROR
 * naming the read model, readiness DOWN) and is never skipped; it holds back the read models it
 * shares the processor with. A replay asked for by one read model's name rebuilds all of them.
 * One segment, so which events wait behind the failing one does not depend on the segments' split.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = {
        "malspar.processors.token-claim-interval=100ms", "malspar.processors.segments=1",
        "malspar.processors.shared-stream.groups=" + FailureProbe.GROUP + ",decision-register"})
@Import(FailureProbe.ProbeConfiguration.class)
class SharedStreamTest {

    private static final String SHARED = "read-models";
    private static final AtomicInteger PARAGRAPHS = new AtomicInteger(300);

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

    @AfterEach
    void failNoMore() {
        FailureProbe.failOn = null;
    }

    private String register() {
        int p = PARAGRAPHS.incrementAndGet();
        var created = api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KS 2022-03-09 § " + p + "\", \"title\": \"Beslut " + p + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("decisionId").asText();
    }

    private long sequenceOf(String decisionId) {
        return jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                .param("id", decisionId).query(Long.class).single();
    }

    @Test
    void aFailingReadModelStopsItsSharedProcessorLoudlyNamesItselfAndIsNeverSkipped() {
        String before = register();
        await().atMost(Duration.ofSeconds(10)).until(() -> FailureProbe.count(before) == 1);
        assertThat(projections.all()).extracting(p -> p.get("name").asText())
                .contains(SHARED).doesNotContain(FailureProbe.GROUP, "decision-register");

        String stuck = "ks-2022-03-09-p" + (PARAGRAPHS.get() + 1);
        FailureProbe.failOn = stuck;
        assertThat(register()).isEqualTo(stuck);
        String later = register();

        // Asked for by the read model's name, the answer is its processor's.
        JsonNode failing = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10),
                p -> p.get("state").asText().equals("ERROR"));
        assertThat(failing.get("name").asText()).isEqualTo(SHARED);
        assertThat(failing.get("error").asText()).isEqualTo(FailureProbe.GROUP + ": the probe refuses " + stuck);
        JsonNode segment = failing.get("segments").findParents("failedSequence").stream()
                .filter(s -> !s.get("failedSequence").isNull()).findFirst().orElseThrow();
        assertThat(segment.get("failedSequence").asLong()).isEqualTo(sequenceOf(stuck));
        assertThat(failing.get("position").asLong()).isLessThan(sequenceOf(stuck));

        var readiness = api.get("operator", "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("components").get("eventProcessors").get("details").get(SHARED)
                .get("error").asBoolean()).isTrue();

        // Retried, never skipped; the decision register, in the same batches, waits as well.
        projections.awaitOne(SHARED, Duration.ofSeconds(10), p -> p.get("segments").findValues("attempts")
                .stream().anyMatch(a -> a.asInt() >= 2));
        assertThat(FailureProbe.count(stuck)).isZero();
        assertThat(FailureProbe.count(later)).isZero();
        assertThat(api.get("auditor", "/api/decisions/" + later).status()).isEqualTo(404);

        FailureProbe.failOn = null;
        projections.awaitOne(SHARED, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        assertThat(FailureProbe.count(stuck)).as("the once-failing event, exactly once").isEqualTo(1);
        assertThat(FailureProbe.count(later)).isEqualTo(1);
        assertThat(api.get("auditor", "/api/decisions/" + later).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("operator", "/actuator/health/readiness").status() == 200);
    }

    @Test
    void replayingOneReadModelOfASharedProcessorRebuildsEveryReadModelInIt() {
        String first = register();
        String second = register();
        await().atMost(Duration.ofSeconds(10)).until(() -> FailureProbe.count(second) == 1);
        projections.awaitOne(SHARED, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        long head = projections.one(SHARED).get("head").asLong();

        var started = api.post("operator", "/api/admin/projections/decision-register/replay", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("name").asText()).isEqualTo(SHARED);

        JsonNode rebuilt = projections.awaitOne(SHARED, Duration.ofSeconds(15), ProjectionsApi::caughtUp);
        assertThat(rebuilt.get("position").asLong()).isGreaterThanOrEqualTo(head);
        // The probe was reset too (its reset handler empties its counts) and handled every registration once.
        long registrations = jdbc.sql("select count(*) from domain_event_entry where payload_type = :type")
                .param("type", "se.malspar.kernel.decision.DecisionRegistered").query(Long.class).single();
        assertThat(FailureProbe.handled).hasSize((int) registrations);
        assertThat(FailureProbe.handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(api.get("auditor", "/api/decisions/" + first).status()).isEqualTo(200);
        assertThat(api.get("auditor", "/api/decisions/" + second).status()).isEqualTo(200);
    }
}
