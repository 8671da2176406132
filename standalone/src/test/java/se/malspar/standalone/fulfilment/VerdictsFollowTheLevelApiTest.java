package se.malspar.standalone.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.Observation;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verdicts follow the level, end to end on PostgreSQL: a changed ambition level gives the open period it concerns
 * a new verdict beside the old one, naming the decision, in the fulfilment and the indicator's history; a period
 * without a measurement is NOT_ASSESSED with a reason; and a verdict an older version stored (revision 1, with
 * the whole history in it) is still read and shown.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class VerdictsFollowTheLevelApiTest {

    /** Paragraph numbers unique by construction: no other test cites these meeting dates. */
    private static final AtomicInteger PARAGRAPHS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    String indicator;
    int paragraph;

    private JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    private String decision(String citation) {
        return ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}"))
                .get("citation").asText();
    }

    @BeforeEach
    void anIndicatorWhoseAmbitionIsFourPointsAboveRiket() {
        api = new ApiClient(port);
        paragraph = PARAGRAPHS.incrementAndGet();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String kf = decision("KF 2020-11-23 § " + paragraph);
        String ks = decision("KS 2021-01-27 § " + paragraph);
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "niva-%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(run, run, kf)));
        ok(api.post("strategy", "/api/admin/programmes/niva-" + run + "/goals", """
                {"goalId": "N-%s", "name": "Utbildning, arbete och näringsliv", "decision": "%s"}""".formatted(run, kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/N-" + run + "/delmal",
                "{\"name\": \"Lärande och utbildning\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        indicator = ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Gymnasiebehörighet", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "KOLADA", "kpi": "N15428"}, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level", """
                {"text": "+4 procentenheter över riket", "decision": "%s"}""".formatted(ks)));
        // 86.0 against riket 85.6: above riket, but not by 4 points: YELLOW.
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                {"period": "2022-T1", "value": 86.0, "dataPeriod": "2021", "referenceValues": {"NATIONAL": 85.6},
                 "source": {"kind": "KOLADA", "kpi": "N15428"}}"""));
        fulfilment("2022-T1", 1);
    }

    private JsonNode fulfilment(String period, int versions) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/indicators/" + indicator + "/fulfilment?period=" + period),
                r -> r.status() == 200 && r.json().path("versions").size() == versions).json();
    }

    @Test
    void aChangedAmbitionLevelGivesTheOpenPeriodANewVerdictBesideTheOldOneNamingTheDecision() {
        String recalibration = decision("KS 2022-03-23 § " + paragraph);
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level", """
                {"text": "över riket", "decision": "%s"}""".formatted(recalibration)));

        JsonNode f = fulfilment("2022-T1", 2);
        assertThat(f.get("status").asText()).isEqualTo("GREEN");
        JsonNode before = f.get("versions").get(0);
        JsonNode after = f.get("versions").get(1);
        assertThat(before.get("verdict").asText()).isEqualTo("YELLOW");
        assertThat(before.get("trigger").get("event").asText()).isEqualTo("MeasurementRecorded");
        assertThat(before.get("supersededBy").asText()).isEqualTo(after.get("versionId").asText());
        assertThat(after.get("verdict").asText()).isEqualTo("GREEN");
        assertThat(after.get("trigger").get("event").asText()).isEqualTo("AmbitionLevelSet");
        assertThat(after.get("trigger").get("decision").get("citation").asText()).isEqualTo(recalibration);
        assertThat(f.get("sourceEvents").findValuesAsText("role")).contains("ambitionLevel", "observation");

        JsonNode history = ok(api.get("auditor", "/api/indicators/" + indicator + "/history"));
        assertThat(history.get("verdicts")).hasSize(2);
        assertThat(history.get("verdicts").get(1).get("trigger").get("decision").get("citation").asText())
                .isEqualTo(recalibration);
    }

    @Test
    void aPeriodWithoutAMeasurementIsNotAssessedWithTheReason() {
        JsonNode f = ok(api.get("auditor", "/api/indicators/" + indicator + "/fulfilment?period=2021-T2"));
        assertThat(f.get("status").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(f.get("reason").get("code").asText()).isEqualTo("NO_MEASUREMENT");
        assertThat(f.get("reason").get("en").asText()).contains("no measurement is recorded for 2021-T2");
        assertThat(f.get("reason").get("sv").asText()).contains("2021-T2");
        assertThat(f.get("versions")).isEmpty();
    }

    @Test
    void aRevisionOneVerdictAnOlderVersionStoredIsReadAndShown() throws Exception {
        List<Observation> history = List.of(
                new Observation("2021-AR", new BigDecimal("84.10"), null, "2020", Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6"))),
                new Observation("2022-T1", new BigDecimal("86.0"), null, "2021", Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6"))));
        AssessmentInput input = new AssessmentInput("2022-T1", AmbitionReader.read("positiv trend").rules(), false,
                Direction.HIGHER_IS_BETTER, IndicatorKind.MEASURED, null, null, history);
        // As revision 1 stored it (the event's JSON, every observation up to the period in inputs.history).
        Map<String, Object> revision1 = new LinkedHashMap<>();
        revision1.put("indicatorId", indicator);
        revision1.put("period", "2022-T1");
        revision1.put("inputs", input);
        revision1.put("assessment", AssessmentPrinciple.assess(input));
        byte[] payload = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(revision1);
        Map<String, Object> last = jdbc.sql("""
                        select type, max(sequence_number) as sequence from domain_event_entry
                         where aggregate_identifier = :id group by type""")
                .param("id", indicator).query().singleRow();
        jdbc.sql("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (nextval('domain_event_entry_seq'), :eventId, :id, :sequence, :type, :timestamp,
                            'se.malspar.kernel.fulfilment.FulfilmentComputed', '1', :payload, :metaData)""")
                .param("eventId", UUID.randomUUID().toString()).param("id", indicator)
                .param("sequence", ((Number) last.get("sequence")).longValue() + 1).param("type", last.get("type"))
                .param("timestamp", Instant.now().toString()).param("payload", payload)
                .param("metaData", "{\"userId\": \"strategy\"}".getBytes())
                .update();

        JsonNode f = fulfilment("2022-T1", 2);
        JsonNode old = f.get("computed");
        assertThat(old.get("verdict").asText()).isEqualTo("GREEN");
        assertThat(old.get("explanationEn").asText()).contains("Positive trend: 86.0 − 84.1 = +1.9");
        assertThat(old.get("inputs").get("observation").get("value").decimalValue()).isEqualByComparingTo("86.0");
        assertThat(old.get("inputs").get("previous").get("period").asText()).isEqualTo("2021-AR");
        assertThat(old.get("inputs").has("history")).isFalse();
        assertThat(old.has("trigger")).isFalse();
    }
}
