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
 * A read model that fails on an event stops there, visibly, and retries the same event until it
 * succeeds: the event is never skipped and later events wait.
 * <p>
 * Retry timing (Axon 4.13 pooled streaming processor): the failed work package releases its
 * segment, which Axon's coordinator will not claim again for 1 s, then 2, 4 … up to 60 s per
 * further failure (fixed in Axon, reset by a successful batch), and only at its next claim round
 * ({@code malspar.processors.token-claim-interval}, 5 s by default, 100 ms here). So these tests
 * keep the failing phase to a couple of attempts: recovery then takes 1–2 s.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class,
        properties = "malspar.processors.token-claim-interval=100ms")
@Import(FailureProbe.ProbeConfiguration.class)
class FailingProjectionApiTest {

    private static final AtomicInteger PARAGRAPHS = new AtomicInteger(100);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
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
        FailureProbe.failAtCommitOn = null;
    }

    /** Registers a decision and returns its id. */
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

    private void awaitHandled(String decisionId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> FailureProbe.count(decisionId) == 1);
    }

    @Test
    void aReadModelStuckOnAnEventShowsTheErrorRetriesTheSameEventAndContinuesOnceItSucceeds() {
        String before = register();
        awaitHandled(before);

        String stuck = "ks-2022-03-09-p" + (PARAGRAPHS.get() + 1);
        FailureProbe.failOn = stuck;
        assertThat(register()).isEqualTo(stuck);
        String later = register();

        JsonNode failing = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10),
                p -> p.get("state").asText().equals("ERROR"));
        assertThat(failing.get("error").asText()).isEqualTo("the probe refuses " + stuck);
        JsonNode segment = failing.get("segments").findParents("failedSequence").stream()
                .filter(s -> !s.get("failedSequence").isNull()).findFirst().orElseThrow();
        assertThat(segment.get("failedSequence").asLong()).isEqualTo(sequenceOf(stuck));
        assertThat(segment.get("failedEventType").asText()).isEqualTo("DecisionRegistered");
        assertThat(segment.get("error").asText()).isEqualTo("the probe refuses " + stuck);
        assertThat(failing.get("position").asLong()).isLessThan(sequenceOf(stuck));
        assertThat(failing.get("lag").asLong()).isGreaterThanOrEqualTo(2);

        var readiness = api.get("operator", "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        JsonNode processors = readiness.json().get("components").get("eventProcessors");
        assertThat(processors.get("status").asText()).isEqualTo("DOWN");
        assertThat(processors.get("details").get(FailureProbe.GROUP).get("error").asBoolean()).isTrue();
        // The other read models are not held back by the probe.
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("auditor", "/api/decisions/" + later).status() == 200);

        // Retried, never skipped: after a second failed attempt nothing past the event is counted.
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), p -> p.get("segments").findValues("attempts")
                .stream().anyMatch(a -> a.asInt() >= 2));
        assertThat(FailureProbe.count(before)).isEqualTo(1);
        assertThat(FailureProbe.count(stuck)).isZero();
        assertThat(FailureProbe.count(later)).isZero();

        FailureProbe.failOn = null;
        JsonNode recovered = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        assertThat(recovered.get("position").asLong()).isEqualTo(recovered.get("head").asLong());
        assertThat(recovered.get("segments").findValues("error")).allMatch(JsonNode::isNull);
        assertThat(FailureProbe.count(before)).isEqualTo(1);
        assertThat(FailureProbe.count(stuck)).as("the once-failing event, exactly once").isEqualTo(1);
        assertThat(FailureProbe.count(later)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("operator", "/actuator/health/readiness").status() == 200);
    }

    private String errorMetric() {
        var metrics = api.get("operator", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body().lines()
                .filter(l -> l.startsWith("malspar_processor_error{processor=\"" + FailureProbe.GROUP + "\""))
                .findFirst().orElseThrow().replaceAll(".* ", "");
    }

    @Test
    void aReadModelThatFailsWhenItsBatchCommitsIsStuckLoudlyUntilTheEventIsHandled() {
        String before = register();
        awaitHandled(before);

        String stuck = "ks-2022-03-09-p" + (PARAGRAPHS.get() + 1);
        FailureProbe.failAtCommitOn = stuck;
        assertThat(register()).isEqualTo(stuck);

        // All four signals: the state with the event's sequence, the lag, the metric, readiness.
        JsonNode failing = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10),
                p -> p.get("state").asText().equals("ERROR"));
        assertThat(failing.get("error").asText()).isEqualTo("the probe cannot write " + stuck);
        JsonNode segment = failing.get("segments").findParents("failedSequence").stream()
                .filter(s -> !s.get("failedSequence").isNull()).findFirst().orElseThrow();
        assertThat(segment.get("failedSequence").asLong()).isEqualTo(sequenceOf(stuck));
        assertThat(failing.get("lag").asLong()).isGreaterThanOrEqualTo(1);
        // The gauges read a snapshot at most a second old.
        await().atMost(Duration.ofSeconds(5)).until(() -> errorMetric().equals("1.0"));
        var readiness = api.get("operator", "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("components").get("eventProcessors").get("details")
                .get(FailureProbe.GROUP).get("error").asBoolean()).isTrue();
        // Still stuck on a later attempt (also between attempts, while the segment is unclaimed).
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), p -> p.get("segments").findValues("attempts")
                .stream().anyMatch(a -> a.asInt() >= 2) && p.get("state").asText().equals("ERROR"));
        assertThat(FailureProbe.count(stuck)).isZero();

        FailureProbe.failAtCommitOn = null;
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        assertThat(FailureProbe.count(stuck)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> errorMetric().equals("0.0"));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("operator", "/actuator/health/readiness").status() == 200);
    }

    @Test
    void segmentsNobodyHasClaimedCountAtTheirStoredPositions() {
        String before = register();
        awaitHandled(before);
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        long position = projections.one(FailureProbe.GROUP).get("position").asLong();

        org.axonframework.eventhandling.EventProcessor probe = processing.eventProcessor(FailureProbe.GROUP).orElseThrow();
        probe.shutDown();
        try {
            String later = register();
            JsonNode stopped = projections.one(FailureProbe.GROUP);
            assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
            // Unclaimed: not "no position", but where the token store says each segment is.
            assertThat(stopped.get("position").asLong()).isEqualTo(position);
            assertThat(stopped.get("lag").asLong()).isEqualTo(stopped.get("head").asLong() - position);
            assertThat(stopped.get("lag").asLong()).isGreaterThanOrEqualTo(sequenceOf(later) - position);
        } finally {
            probe.start();
        }
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
    }

    @Test
    void aReplayStuckOnAnEventShowsItsProgressAndASecondReplayIsRefused() {
        String first = register();
        String second = register();
        awaitHandled(second);
        projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        long head = projections.one(FailureProbe.GROUP).get("head").asLong();

        FailureProbe.failOn = second;
        var started = api.post("operator", "/api/admin/projections/" + FailureProbe.GROUP + "/replay", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isIn("REPLAYING", "ERROR");

        JsonNode stuck = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10),
                p -> p.get("state").asText().equals("ERROR"));
        JsonNode progress = stuck.get("progress");
        assertThat(progress.isNull()).as("a rebuild that is stuck is still a rebuild").isFalse();
        assertThat(progress.get("eventsTotal").asLong()).isEqualTo(head);
        assertThat(progress.get("eventsDone").asLong()).isLessThan(sequenceOf(second));
        assertThat(progress.get("startedAt").asText()).isNotBlank();
        assertThat(progress.get("eventsPerSecond").asDouble()).isGreaterThanOrEqualTo(0);
        // The first decision may sit in the other segment, which goes on at its own pace.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(FailureProbe.count(first)).as("rebuilt up to the failing event").isEqualTo(1));
        assertThat(FailureProbe.count(second)).isZero();

        var again = api.post("operator", "/api/admin/projections/" + FailureProbe.GROUP + "/replay", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(again.json().get("detail").asText()).contains("already running");

        FailureProbe.failOn = null;
        JsonNode rebuilt = projections.awaitOne(FailureProbe.GROUP, Duration.ofSeconds(10), ProjectionsApi::caughtUp);
        assertThat(rebuilt.get("position").asLong()).isEqualTo(head);
        long registrations = jdbc.sql("select count(*) from domain_event_entry where payload_type = :type")
                .param("type", "se.malspar.kernel.decision.DecisionRegistered").query(Long.class).single();
        assertThat(FailureProbe.handled).hasSize((int) registrations);
        assertThat(FailureProbe.handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
}
