package se.malspar.standalone.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fulfilment end to end: a measurement gets a computed verdict with its explanation; KS may
 * override it; a revised value gets a new verdict beside the old one.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class FulfilmentApiTest {

    @LocalServerPort
    int port;
    ApiClient api;
    String indicator;
    String ks;

    private JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    @BeforeEach
    void anIndicatorWhoseAmbitionIsFourPointsAboveRiket() {
        api = new ApiClient(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        int p = Paragraphs.next();
        String kf = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KF 2020-10-26 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        ks = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2021-01-13 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "ful-%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(run, run, kf)));
        ok(api.post("strategy", "/api/admin/programmes/ful-" + run + "/goals", """
                {"goalId": "G-%s", "name": "Utbildning, arbete och näringsliv", "decision": "%s"}""".formatted(run, kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/G-" + run + "/delmal",
                "{\"name\": \"Lärande och utbildning\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        indicator = ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Gymnasiebehörighet", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "KOLADA", "kpi": "N15428"}, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
        // The client settles "%" as procentenheter, explicitly.
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level", """
                {"text": "+4 %% över riket 2022", "rule": {"comparator": "ABOVE", "reference": "NATIONAL", "margin": 4,
                 "marginUnit": "PERCENTAGE_POINTS", "targetYear": 2022}, "decision": "%s"}""".formatted(ks)));
    }

    private JsonNode fulfilment(String period, int versions) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/indicators/" + indicator + "/fulfilment?period=" + period),
                r -> r.status() == 200 && r.json().path("versions").size() == versions).json();
    }

    @Test
    void aMeasurementGetsAComputedVerdictWithItsInputsAndExplanation() {
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-AR", "value": 81.2, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.6, "COUNTY": 84.1},
                 "source": {"kind": "KOLADA", "kpi": "N15428", "areaIds": ["0665", "0000", "0006"],
                            "figures": {"0665": 81.2, "0000": 85.6, "0006": 84.1}}}"""));
        JsonNode f = fulfilment("2022-AR", 1);
        assertThat(f.get("status").asText()).isEqualTo("RED");
        assertThat(f.get("source").asText()).isEqualTo("COMPUTED");
        JsonNode computed = f.get("computed");
        assertThat(computed.get("principleVersion").asText()).isNotBlank();
        assertThat(computed.get("inputs").get("observation").get("value").decimalValue()).isEqualByComparingTo("81.2");
        assertThat(computed.get("trigger").get("event").asText()).isEqualTo("MeasurementRecorded");
        // The events the inputs came from, as stored: a revisor recomputes the verdict from them.
        assertThat(f.get("sourceEvents").findValuesAsText("role"))
                .containsExactly("definition", "ambitionLevel", "observation");
        JsonNode measured = f.get("sourceEvents").get(2);
        assertThat(measured.get("type").asText()).endsWith("MeasurementRecorded");
        assertThat(measured.get("sequenceNumber").asLong())
                .isEqualTo(computed.get("inputs").get("sources").get("observation").asLong());
        assertThat(measured.get("payload").get("value").decimalValue()).isEqualByComparingTo("81.2");
        assertThat(computed.get("inputs").get("rules").get(0).get("marginUnit").asText()).isEqualTo("PERCENTAGE_POINTS");
        assertThat(computed.get("explanationSv").asText()).contains("81,2").contains("85,6");
        assertThat(computed.get("explanationEn").asText()).isNotBlank();
        assertThat(computed.get("recordedBy").asText()).isEqualTo("strategy");
    }

    @Test
    void ksMayOverrideTheComputedVerdictAndBothStayVisible() {
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2023-T1", "value": 80.0, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.0},
                 "source": {"kind": "MANUAL"}}"""));
        fulfilment("2023-T1", 1);
        var assessed = api.post("strategy", "/api/admin/indicators/" + indicator + "/assessments",
                "{\"period\": \"2023-T1\", \"status\": \"YELLOW\", \"motivation\": \"Pandemin påverkade resultaten\", \"decision\": \"" + ks + "\"}");
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
        JsonNode f = fulfilment("2023-T1", 2);
        assertThat(f.get("status").asText()).isEqualTo("YELLOW");
        assertThat(f.get("source").asText()).isEqualTo("HUMAN");
        assertThat(f.get("computed").get("verdict").asText()).isEqualTo("RED");
        assertThat(f.get("assessment").get("motivation").asText()).isEqualTo("Pandemin påverkade resultaten");
        assertThat(f.get("assessment").get("decision").get("citation").asText()).isEqualTo(ks);
        var noMotivation = api.post("strategy", "/api/admin/indicators/" + indicator + "/assessments",
                "{\"period\": \"2023-T1\", \"status\": \"GREEN\"}");
        assertThat(noMotivation.status()).isEqualTo(400);
    }

    @Test
    void aRevisedValueGetsANewVerdictBesideTheOldOne() {
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-AR", "value": 81.2, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.6},
                 "source": {"kind": "MANUAL"}}"""));
        fulfilment("2022-AR", 1);
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-AR", "value": 90.1, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.6},
                 "source": {"kind": "MANUAL"}, "note": "reviderat värde"}"""));
        JsonNode f = fulfilment("2022-AR", 2);
        assertThat(f.get("status").asText()).isEqualTo("GREEN");
        JsonNode first = f.get("versions").get(0);
        JsonNode second = f.get("versions").get(1);
        assertThat(first.get("verdict").asText()).isEqualTo("RED");
        assertThat(first.get("supersededBy").asText()).isEqualTo(second.get("versionId").asText());
        assertThat(second.get("verdict").asText()).isEqualTo("GREEN");
        assertThat(second.get("supersededAt").isNull()).isTrue();

        JsonNode history = ok(api.get("auditor", "/api/indicators/" + indicator + "/history"));
        assertThat(history.get("verdicts")).hasSize(2);
        assertThat(history.get("measurements")).hasSize(2);
        assertThat(history.get("measurements").get(0).get("supersededAt").isNull()).isFalse();
    }

    @Test
    void theTreeShowsTheVerdictAndCombinesItUpwards() {
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-AR", "value": 90.1, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.6},
                 "source": {"kind": "MANUAL"}}"""));
        fulfilment("2022-AR", 1);
        String programme = api.get("auditor", "/api/indicators/" + indicator + "/history").json().get("programmeId").asText();
        JsonNode tree = ok(api.get("auditor", "/api/programmes/" + programme + "?validAt=2023-01-01"));
        assertThat(tree.get("fulfilmentPeriod").asText()).isEqualTo("2022-AR");
        JsonNode goal = tree.get("goals").get(0);
        assertThat(goal.get("fulfilment").asText()).isEqualTo("GREEN");
        assertThat(goal.get("delmal").get(0).get("fulfilment").asText()).isEqualTo("GREEN");
        assertThat(goal.get("delmal").get(0).get("indicators").get(0).get("fulfilment").get("status").asText()).isEqualTo("GREEN");
        assertThat(api.get("auditor", "/api/indicators/" + indicator + "/fulfilment?period=2022-X1").status()).isEqualTo(400);
    }

    @Test
    void theHistoryListsEveryVerdictWithoutItsInputsAndTheLatestPeriodsFulfilmentGivesThem() {
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2021-AR", "value": 80.0, "dataPeriod": "2021", "referenceValues": {"NATIONAL": 85.0},
                 "source": {"kind": "KOLADA", "kpi": "N15428"}}"""));
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-AR", "value": 90.5, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 85.6},
                 "source": {"kind": "KOLADA", "kpi": "N15428"}}"""));
        JsonNode latest = fulfilment("2022-AR", 1);

        JsonNode byDefault = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/indicators/" + indicator + "/fulfilment"), r -> r.status() == 200).json();
        assertThat(byDefault.get("period").asText()).as("the latest period with a verdict").isEqualTo("2022-AR");
        assertThat(byDefault.get("computed").get("inputs")).isEqualTo(latest.get("computed").get("inputs"));
        // Only what the verdict used: the value assessed and the earlier one it could compare with.
        assertThat(byDefault.get("computed").get("inputs").get("observation").get("period").asText()).isEqualTo("2022-AR");
        assertThat(byDefault.get("computed").get("inputs").get("previous").get("period").asText()).isEqualTo("2021-AR");

        JsonNode history = ok(api.get("auditor", "/api/indicators/" + indicator + "/history"));
        List<JsonNode> verdicts = new ArrayList<>();
        history.findParents("principleVersion").forEach(verdicts::add);
        assertThat(verdicts).extracting(v -> v.get("period").asText()).contains("2021-AR", "2022-AR");
        assertThat(verdicts).allSatisfy(v -> assertThat(v.has("inputs") || v.has("steps")).isFalse());
    }
}
