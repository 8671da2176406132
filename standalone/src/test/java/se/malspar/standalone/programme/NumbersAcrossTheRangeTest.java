package se.malspar.standalone.programme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number an accepted command carries reaches every read model exactly: values, reference
 * values and target values from across the whole allowed range (|x| ≤ 10^15, at most 6 decimals;
 * both edges included) are read back, digit for digit, from the goal tree, the indicator history
 * and the fulfilment inputs. The values are drawn from a fixed seed, so a failure reproduces; just
 * outside the range, the API refuses with the field named and writes nothing.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class NumbersAcrossTheRangeTest {

    /** Change to explore other values; a failure message names the value. */
    private static final long SEED = 20261126L;
    private static final int COUNT = 24;
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore store;
    @Autowired
    JdbcClient jdbc;

    private record Setup(String programmeId, String indicatorId, String ks) {
    }

    private static JsonNode exact(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        try {
            return EXACT.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Setup indicatorWithDecidedTarget(ApiClient api) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        int p = Paragraphs.next();
        String kf = exact(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KF 2020-10-28 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        String ks = exact(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2021-01-15 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        String programme = "numbers-" + run;
        exact(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, run, kf)));
        exact(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "N-%s", "name": "Ekonomi", "decision": "%s"}""".formatted(run, kf)));
        String delmal = exact(api.post("strategy", "/api/admin/goals/N-" + run + "/delmal",
                "{\"name\": \"Budget\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        String indicator = exact(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Nettokostnad", "unit": "kronor", "kind": "MEASURED", "direction": "LOWER_IS_BETTER",
                 "politicallyDecidedTarget": true, "source": {"kind": "MANUAL"}, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
        return new Setup(programme, indicator, ks);
    }

    /** The edges of the range first, then random values of every length and scale the range allows. */
    static List<BigDecimal> valuesAcrossTheRange(long seed, int count) {
        List<BigDecimal> values = new ArrayList<>(List.of(
                new BigDecimal("1E+15"), new BigDecimal("-1000000000000000"),
                new BigDecimal("999999999999999.999999"), new BigDecimal("-999999999999999.999999"),
                new BigDecimal("0.000001"), new BigDecimal("-0.000001"), new BigDecimal("0"), new BigDecimal("0.000000")));
        Random random = new Random(seed);
        while (values.size() < count) {
            int integerDigits = random.nextInt(16);
            int decimals = random.nextInt(7);
            StringBuilder digits = new StringBuilder("0");
            for (int i = 0; i < integerDigits + decimals; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            BigDecimal value = new BigDecimal(new BigInteger(digits.toString()), decimals);
            values.add(random.nextBoolean() ? value.negate() : value);
        }
        return values;
    }

    private static void assertExactly(JsonNode node, BigDecimal expected, String where) {
        assertThat(node.isNumber()).as(where + " should be a number but was " + node).isTrue();
        assertThat(node.decimalValue()).as(where).isEqualByComparingTo(expected);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode treeIndicator(JsonNode tree, String indicatorId) {
        for (JsonNode goal : tree.get("goals")) {
            for (JsonNode delmal : goal.get("delmal")) {
                for (JsonNode indicator : delmal.get("indicators")) {
                    if (indicator.get("indicatorId").asText().equals(indicatorId)) {
                        return indicator;
                    }
                }
            }
        }
        throw new AssertionError("indicator " + indicatorId + " not in the tree " + tree);
    }

    @Test
    void everyNumberInTheAllowedRangeIsShownExactlyByEveryReadModel() {
        ApiClient api = new ApiClient(port);
        Setup setup = indicatorWithDecidedTarget(api);
        List<BigDecimal> values = valuesAcrossTheRange(SEED, COUNT);
        String path = "/api/admin/indicators/" + setup.indicatorId();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal reference = values.get((i + 7) % values.size());
            exact(api.post("strategy", path + "/measurements", """
                    {"period": "%d-AR", "value": %s, "referenceValues": {"NATIONAL": %s}, "source": {"kind": "MANUAL"}}"""
                    .formatted(2001 + i, values.get(i), reference)));
            exact(api.put("strategy", path + "/target-value", """
                    {"value": %s, "year": %d, "decision": "%s"}""".formatted(values.get(i), 2001 + i, setup.ks())));
        }
        CaughtUp.await(processing, store);

        JsonNode history = exact(api.get("auditor", "/api/indicators/" + setup.indicatorId() + "/history"));
        JsonNode measurements = history.get("measurements");
        List<JsonNode> targets = new ArrayList<>();
        history.get("versions").forEach(v -> {
            if (v.get("event").asText().equals("TargetValueSet")) {
                targets.add(v);
            }
        });
        assertThat(measurements).hasSize(values.size());
        assertThat(targets).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = values.get(i);
            BigDecimal reference = values.get((i + 7) % values.size());
            String period = (2001 + i) + "-AR";
            String what = "value #" + i + " " + value.toPlainString() + " (seed " + SEED + ")";
            JsonNode measurement = measurements.get(i);
            assertThat(measurement.get("period").asText()).isEqualTo(period);
            assertExactly(measurement.get("value"), value, "history measurement " + what);
            assertExactly(measurement.get("referenceValues").get("NATIONAL"), reference, "history reference " + what);
            assertExactly(targets.get(i).get("value").get("value"), value, "history target " + what);

            // The tree as recorded right after the measurement: it is the latest, and its target the one in force.
            JsonNode tree = exact(api.get("auditor", "/api/programmes/" + setup.programmeId()
                    + "?knownAt=" + encode(targets.get(i).get("recordedAt").asText())));
            JsonNode indicator = treeIndicator(tree, setup.indicatorId());
            assertExactly(indicator.get("latestMeasurement").get("value"), value, "tree measurement " + what);
            assertExactly(indicator.get("latestMeasurement").get("referenceValues").get("NATIONAL"), reference,
                    "tree reference " + what);
            assertExactly(indicator.get("targetValue").get("value"), value, "tree target " + what);

            JsonNode fulfilment = exact(api.get("auditor", "/api/indicators/" + setup.indicatorId()
                    + "/fulfilment?period=" + period));
            // A verdict carries the observation it assessed (revision 2), not the indicator's whole history.
            JsonNode inputs = fulfilment.get("computed").get("inputs");
            assertThat(inputs.get("period").asText()).isEqualTo(period);
            JsonNode observed = inputs.get("observation");
            if (observed.isNull()) {
                // Neither an ambition level nor a målvärde yet: the verdict compared nothing, so it names no
                // observation (it carries only what it used); the number is checked in history and tree above.
                assertThat(inputs.get("rules").isEmpty() && inputs.get("targetValue").isNull())
                        .as("a verdict that used no observation had nothing to compare it with: " + inputs).isTrue();
                continue;
            }
            assertExactly(observed.get("value"), value, "fulfilment input " + what);
            assertExactly(observed.get("referenceValues").get("NATIONAL"), reference, "fulfilment reference " + what);
        }
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregate).query(Long.class).single();
    }

    @Test
    void numbersOutsideTheRangeAreRefusedWithTheFieldNamedAndNothingWritten() {
        ApiClient api = new ApiClient(port);
        Setup setup = indicatorWithDecidedTarget(api);
        String path = "/api/admin/indicators/" + setup.indicatorId();
        long before = eventsOf(setup.indicatorId());
        record Case(String method, String path, String body, String field) {
        }
        List<Case> cases = new ArrayList<>();
        for (String value : List.of("1E-20000", "1E+200000", "1E+2000", "1E+2000000", "1000000000000000.000001",
                "-1E+16", "0.0000001", "1" + "0".repeat(70))) {
            cases.add(new Case("POST", path + "/measurements", """
                    {"period": "2022-AR", "value": %s, "source": {"kind": "MANUAL"}}""".formatted(value), "value"));
        }
        cases.add(new Case("POST", path + "/measurements", """
                {"period": "2022-AR", "value": 1, "referenceValues": {"COUNTY": 1E+2000}, "source": {"kind": "MANUAL"}}""",
                "referenceValues.COUNTY"));
        cases.add(new Case("POST", path + "/measurements", """
                {"period": "2022-AR", "value": 1, "source": {"kind": "KOLADA", "kpi": "N1", "figures": {"0665": 1E-400}}}""",
                "source.figures.0665"));
        cases.add(new Case("PUT", path + "/target-value", """
                {"value": 1E+200000, "year": 2022, "decision": "%s"}""".formatted(setup.ks()), "value"));
        cases.add(new Case("PUT", path + "/ambition-level", """
                {"text": "minst 5", "rule": {"comparator": "AT_LEAST", "reference": "ABSOLUTE", "margin": 5E-9},
                 "decision": "%s"}""".formatted(setup.ks()), "rule.margin"));
        for (Case c : cases) {
            ApiClient.Response response = api.send("strategy", c.method(), c.path(), c.body(), java.util.Map.of());
            assertThat(response.status()).as(c.body() + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asText()).as(c.body()).isEqualTo(c.field());
        }
        // Beyond any sane literal the parser itself stops reading (it cannot name the field).
        ApiClient.Response tooLong = api.post("strategy", path + "/measurements", """
                {"period": "2022-AR", "value": %s, "source": {"kind": "MANUAL"}}""".formatted("9".repeat(5000)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(eventsOf(setup.indicatorId())).isEqualTo(before);
    }
}
