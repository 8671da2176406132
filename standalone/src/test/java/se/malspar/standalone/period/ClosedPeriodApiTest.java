package se.malspar.standalone.period;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.decision.Citation;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closed follow-up periods on real PostgreSQL through the HTTP API. A period is global to the
 * register, so each test closes periods of its own far-future year (2088, 2089) that no other
 * test measures, and its decisions are cited on a day no other test uses.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ClosedPeriodApiTest {

    private static final AtomicInteger PARAGRAPHS = new AtomicInteger(100);
    private static final AtomicInteger PROGRAMMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    String ks;
    String delmal;

    @BeforeEach
    void programmeWithADelmal() {
        api = new ApiClient(port);
        String kf = decision("KF");
        ks = decision("KS");
        String suffix = "cp" + PROGRAMMES.incrementAndGet();
        String programme = "prog-" + suffix;
        String goal = "KF1-" + suffix;
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, suffix, kf)));
        created(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "%s", "name": "Demokrati", "goalArea": "1", "decision": "%s"}""".formatted(goal, kf)));
        delmal = created(api.post("strategy", "/api/admin/goals/" + goal + "/delmal", """
                {"name": "Delaktighet", "decision": "%s"}""".formatted(ks)));
    }

    @Test
    void aClosedPeriodRefusesALateMeasurementUntilAReopeningWithAReason() {
        String indicator = indicator("Valdeltagande", "N05401");
        created(measure(indicator, "2088-T1", "84.1"));

        String closing = decision("KF");
        var closed = api.post("strategy", "/api/admin/periods/2088-T1/close", "{\"decision\": \"" + closing + "\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("id").asText()).isEqualTo("2088-T1");

        String another = decision("KS");
        String reopening = decision("KS");
        long events = eventCount();
        var late = measure(indicator, "2088-T1", "85.0");
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.json().get("code").asText()).isEqualTo("PERIOD_CLOSED");
        assertThat(late.json().get("detail").asText()).contains("2088-T1").contains(closing);
        assertThat(late.json().get("errors").get(0).get("field").asText()).isEqualTo("period");
        var assessment = api.post("strategy", "/api/admin/indicators/" + indicator + "/assessments", """
                {"period": "2088-T1", "status": "GREEN", "motivation": "bedömt i efterhand"}""");
        assertThat(assessment.status()).as(assessment.toString()).isEqualTo(422);
        assertThat(assessment.json().get("code").asText()).isEqualTo("PERIOD_CLOSED");
        assertThat(created(measure(indicator, "2088-T2", "85.0"))).as("another period stays open").isEqualTo(indicator);
        events++;
        events++; // the measurement and its computed verdict

        var twice = api.post("strategy", "/api/admin/periods/2088-T1/close", "{\"decision\": \"" + another + "\"}");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("PERIOD_ALREADY_CLOSED");
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("period");
        var noReason = api.post("strategy", "/api/admin/periods/2088-T1/reopen", "{\"decision\": \"" + reopening + "\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        var openOne = api.post("strategy", "/api/admin/periods/2088-AR/reopen",
                "{\"decision\": \"" + reopening + "\", \"reason\": \"fel period\"}");
        assertThat(openOne.status()).as(openOne.toString()).isEqualTo(409);
        assertThat(openOne.json().get("code").asText()).isEqualTo("PERIOD_NOT_CLOSED");
        var badPeriod = api.post("strategy", "/api/admin/periods/2088-T3/close", "{\"decision\": \"" + closing + "\"}");
        assertThat(badPeriod.status()).as(badPeriod.toString()).isEqualTo(400);
        assertThat(badPeriod.json().get("errors").get(0).get("field").asText()).isEqualTo("period");
        assertThat(eventCount()).as("nothing written by a refusal").isEqualTo(events);

        JsonNode closedState = await().atMost(Duration.ofSeconds(10)).until(() -> period(history(indicator), "2088-T1"),
                state -> state != null && state.get("state").asText().equals("CLOSED"));
        assertThat(closedState.get("decision").get("citation").asText()).isEqualTo(closing);
        assertThat(closedState.get("recordedBy").asText()).isEqualTo("strategy");
        assertThat(period(history(indicator), "2088-T2").get("state").asText()).isEqualTo("OPEN");

        var reopened = api.post("strategy", "/api/admin/periods/2088-T1/reopen",
                "{\"decision\": \"" + reopening + "\", \"reason\": \"SCB rättade valdeltagandet\"}");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        created(measure(indicator, "2088-T1", "85.0"));

        JsonNode openState = await().atMost(Duration.ofSeconds(10)).until(
                () -> period(api.get("auditor", "/api/programmes/" + programmeOf(indicator)).json(), "2088-T1"),
                state -> state != null && state.get("state").asText().equals("OPEN"));
        assertThat(openState.get("reason").asText()).isEqualTo("SCB rättade valdeltagandet");
        assertThat(openState.get("decision").get("citation").asText()).isEqualTo(reopening);

        // A revisor reads each closing and reopening among its decision's changes.
        JsonNode closedBy = api.get("revisor", "/api/decisions/" + Citation.parse(closing).decisionId().value()).json();
        assertThat(closedBy.get("changes").toString()).contains("\"event\":\"PeriodClosed\"").contains("\"entityId\":\"2088-T1\"");
        JsonNode reopenedBy = api.get("revisor", "/api/decisions/" + Citation.parse(reopening).decisionId().value()).json();
        assertThat(reopenedBy.get("changes").toString()).contains("\"event\":\"PeriodReopened\"")
                .contains("SCB rättade valdeltagandet");
    }

    @Test
    void aKoladaImportForAClosedPeriodIsReportedInSkippedAndWritesNothing() {
        String indicator = indicator("Behörighet till gymnasiet", "N15428");
        var closed = api.post("strategy", "/api/admin/periods/2089-AR/close", "{\"decision\": \"" + decision("KF") + "\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        long events = eventCount();

        var imported = api.post("strategy", "/api/admin/imports/kolada?reportPeriod=2089-AR", fixture("n15428-two-years.json"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("recorded").asInt()).isZero();
        assertThat(imported.json().get("skipped").toString())
                .contains("\"kpi\":\"N15428\",\"municipality\":\"0665\",\"period\":2022,\"reason\":\"report period 2089-AR is closed")
                .contains("nothing recorded for indicator " + indicator);
        assertThat(eventCount()).isEqualTo(events);
    }

    private ApiClient.Response measure(String indicator, String period, String value) {
        return api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "%s", "value": %s, "dataPeriod": "2022", "source": {"kind": "MANUAL"}}""".formatted(period, value));
    }

    private JsonNode history(String indicator) {
        var response = api.get("auditor", "/api/indicators/" + indicator + "/history");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String programmeOf(String indicator) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> history(indicator).path("programmeId").asText(null),
                java.util.Objects::nonNull);
    }

    private static JsonNode period(JsonNode view, String period) {
        for (JsonNode state : view.path("periods")) {
            if (state.get("period").asText().equals(period)) {
                return state;
            }
        }
        return null;
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private String decision(String organ) {
        String citation = organ + " 2024-12-30 § " + PARAGRAPHS.incrementAndGet();
        var created = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return citation;
    }

    private String indicator(String name, String kpi) {
        return created(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "%s", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "KOLADA", "kpi": "%s"}, "decision": "%s"}"""
                .formatted(name, kpi, ks)));
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static String fixture(String name) {
        try (InputStream in = ClosedPeriodApiTest.class.getResourceAsStream("/kolada/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
