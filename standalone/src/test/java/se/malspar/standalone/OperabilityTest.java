package se.malspar.standalone;

import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and API documentation of the running system. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class OperabilityTest {

    @LocalServerPort
    int port;
    @Value("${axon.update-check.disabled}")
    boolean updateCheckDisabled;
    @Autowired
    TimeoutProperties timeouts;

    @Test
    void healthIsPublicAndReadinessCoversDatabaseAndEventProcessors() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        var readiness = api.get("operator", "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("db")).isTrue();
        assertThat(readiness.json().get("components").get("eventProcessors").get("details").has("decision-register")).isTrue();
    }

    @Test
    void prometheusShowsCommandTimingsAndProcessorLag() {
        ApiClient api = new ApiClient(port);
        api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2021-01-13 § 10\", \"title\": \"Kommunstyrelsens mål och delmål 2020–2022\"}");
        var metrics = api.get("operator", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("malspar_commands_seconds_count{command=\"RegisterDecision\"")
                .contains("malspar_processor_lag{")
                .contains("processor=\"decision-register\"");
        assertThat(api.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void openApiDescribesTheEndpoints() {
        var docs = new ApiClient(port).get("auditor", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/admin/decisions")).isTrue();
        assertThat(docs.json().get("paths").has("/api/decisions/{decisionId}")).isTrue();
        assertThat(docs.body()).contains("KS 2022-03-09");
        assertThat(docs.json().get("info").get("title").asText()).isEqualTo("Målspår API");
        assertThat(docs.json().get("info").get("version").asText()).isEqualTo("1");
        assertThat(docs.json().get("info").get("description").asText()).contains("board decision");
    }

    @Test
    void axonUpdateCheckIsOff() {
        assertThat(updateCheckDisabled).isTrue();
    }

    /** Each handler's own timer walked the stack at every start (BENCHMARKS.md, issue 16 third session). */
    @Test
    void commandsAndEventsAreTimedByTheirTransactionNotByEachHandler() {
        var transaction = timeouts.getTransaction();
        for (var settings : java.util.List.of(transaction.getCommandBus(), transaction.getEventProcessors(), transaction.getQueryBus())) {
            assertThat(settings.getTimeoutMs()).isEqualTo(60_000);
            assertThat(settings.getWarningThresholdMs()).isEqualTo(10_000);
        }
        var handler = timeouts.getHandler();
        for (var settings : java.util.List.of(handler.getCommands(), handler.getEvents(), handler.getQueries(), handler.getDeadlines())) {
            assertThat(settings.getTimeoutMs()).isEqualTo(-1);
            assertThat(settings.getWarningThresholdMs()).isEqualTo(-1);
        }
    }

    @Test
    void responsesNameTheirCorrelationId() {
        var response = new ApiClient(port).get("auditor", "/api/decisions");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }
}
