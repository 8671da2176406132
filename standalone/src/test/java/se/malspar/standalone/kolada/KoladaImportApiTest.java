package se.malspar.standalone.kolada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kolada import on real PostgreSQL through the HTTP API, with the Kolada-shaped files under
 * {@code src/test/resources/kolada/} (nothing reaches the network): measurements and reference
 * values land on the indicators naming the KPI, a second import adds nothing, a changed figure
 * supersedes, missing values are skipped with Kolada's status, a malformed file writes nothing.
 * Each test builds its own programme; indicators of other tests that name N15428 also receive
 * the figures, so the assertions look at this test's indicators (and at global counts only
 * between two imports of the same file).
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class KoladaImportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORT = "/api/admin/imports/kolada";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    String suffix;
    String ks;
    String gymnasiebehorighet;
    String examen;
    String otherKpi;
    String retired;

    @BeforeEach
    void programmeWithKoladaIndicators() {
        api = new ApiClient(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String kf = decision("KF", "2020-10-26");
        ks = decision("KS", "2021-01-13");
        String programme = "prog-k-" + suffix;
        String goal = "KF2-" + suffix;
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, suffix, kf)));
        created(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "%s", "name": "Utbildning, arbete och näringsliv", "goalArea": "2", "decision": "%s"}""".formatted(goal, kf)));
        String delmal = created(api.post("strategy", "/api/admin/goals/" + goal + "/delmal", """
                {"name": "Lärande och utbildning", "decision": "%s"}""".formatted(ks)));
        gymnasiebehorighet = indicator(delmal, "Behörighet till gymnasiet", "N15428");
        examen = indicator(delmal, "Behörighet till gymnasiet, uppföljning", "n15428");
        otherKpi = indicator(delmal, "Gymnasieexamen inom 4 år", "N17461");
        retired = indicator(delmal, "Behörighet (gammal mätning)", "N15428");
        var retirement = api.post("strategy", "/api/admin/indicators/" + retired + "/retire",
                "{\"decision\": \"" + ks + "\"}");
        assertThat(retirement.status()).as(retirement.toString()).isEqualTo(200);
    }

    @Test
    void importRecordsTheLatestYearWithReferenceValuesAndEvidenceOnTheIndicatorsNamingTheKpi() {
        var response = importFile("n15428-two-years.json", "2022-AR",
                "&origin=n15428-two-years.json&fetchedAt=2023-02-01T08:00:00Z");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.get("reportPeriod").asText()).isEqualTo("2022-AR");
        assertThat(outcomes(summary, gymnasiebehorighet)).containsExactly("RECORDED");
        assertThat(outcomes(summary, examen)).containsExactly("RECORDED");
        assertThat(outcomes(summary, otherKpi)).isEmpty();
        assertThat(outcomes(summary, retired)).isEmpty();
        assertThat(summary.get("skipped").toString())
                .contains("\"kpi\":\"N15428\",\"municipality\":\"0665\",\"period\":2021,\"reason\":\"an older year")
                .contains("\"kpi\":\"N15428\",\"municipality\":\"0680\",\"period\":2022")
                .contains("\"kpi\":\"N17473\",\"municipality\":\"0665\",\"period\":2022,\"reason\":\"no active indicator names KPI N17473");

        for (String indicator : List.of(gymnasiebehorighet, examen)) {
            List<JsonNode> measurements = measurements(indicator);
            assertThat(measurements).hasSize(1);
            JsonNode m = measurements.get(0);
            assertThat(m.get("indicatorId").asText()).isEqualTo(indicator);
            assertThat(m.get("period").asText()).isEqualTo("2022-AR");
            assertThat(m.get("dataPeriod").asText()).isEqualTo("2022");
            assertThat(m.get("value").decimalValue()).isEqualByComparingTo("81.2");
            assertThat(m.get("referenceValues").get("NATIONAL").decimalValue()).isEqualByComparingTo("84.65");
            assertThat(m.get("referenceValues").get("COUNTY").decimalValue()).isEqualByComparingTo("86.3");
            JsonNode source = m.get("source");
            assertThat(source.get("kind").asText()).isEqualTo("KOLADA");
            assertThat(source.get("kpi").asText()).isEqualTo("N15428");
            assertThat(source.get("areaIds").toString()).isEqualTo("[\"0665\",\"0000\",\"0006\"]");
            assertThat(source.get("url").asText()).isEqualTo("n15428-two-years.json");
            assertThat(source.get("fetchedAt").asText()).isEqualTo("2023-02-01T08:00:00Z");
            assertThat(source.get("figures").get("0665").decimalValue()).isEqualByComparingTo("81.2");
            assertThat(source.get("figures").get("0000").decimalValue()).isEqualByComparingTo("84.65");
            assertThat(source.get("figures").get("0006").decimalValue()).isEqualByComparingTo("86.3");
            assertThat(m.get("note").asText()).startsWith("Kolada N15428 2022");
        }
        assertThat(measurements(otherKpi)).isEmpty();
        assertThat(measurements(retired)).isEmpty();
        assertThat(userOfLastEvent(gymnasiebehorighet)).isEqualTo("strategy");

        long before = eventCount();
        var again = importFile("n15428-two-years.json", "2022-AR", "&origin=n15428-two-years.json");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("recorded").asInt()).isZero();
        assertThat(outcomes(again.json(), gymnasiebehorighet)).containsExactly("UNCHANGED");
        assertThat(eventCount()).isEqualTo(before);

        // Kolada revises the figure: a new measurement supersedes the first, which stays.
        var revised = api.post("strategy", IMPORT + "?reportPeriod=2022-AR",
                fixture("n15428-two-years.json").replace("\"value\": 81.2", "\"value\": 81.7"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(outcomes(revised.json(), gymnasiebehorighet)).containsExactly("RECORDED");
        assertThat(measurements(gymnasiebehorighet)).extracting(m -> m.get("value").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("81.2"), new BigDecimal("81.7"));
    }

    @Test
    void aMissingValueIsNotRecordedAndKoladasStatusIsKept() {
        var response = importFile("n15428-missing-value.json", "2022-T2", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String skipped = response.json().get("skipped").toString();
        assertThat(skipped)
                .contains("\"kpi\":\"N15428\",\"municipality\":\"0665\",\"period\":2022,\"reason\":\"no value in Kolada (status M)\"")
                .contains("\"kpi\":\"N17473\",\"municipality\":\"0665\",\"period\":2022,\"reason\":\"no value in Kolada (status M)\"");

        JsonNode m = measurements(gymnasiebehorighet).get(0);
        assertThat(m.get("period").asText()).isEqualTo("2022-T2");
        assertThat(m.get("dataPeriod").asText()).isEqualTo("2021");
        assertThat(m.get("value").decimalValue()).isEqualByComparingTo("79.5");
        assertThat(m.get("referenceValues").get("NATIONAL").decimalValue()).isEqualByComparingTo("85.6");
        assertThat(m.get("referenceValues").has("COUNTY")).isFalse();
        assertThat(m.get("source").get("areaIds").toString()).isEqualTo("[\"0665\",\"0000\"]");
        assertThat(m.get("source").get("figures").has("0006")).isFalse();
        assertThat(m.get("source").get("url").asText()).startsWith("upload sha256:");
        assertThat(m.get("note").asText())
                .contains("status B for 0665")
                .contains("länet (0006) 2021: no value in Kolada (status M)");
    }

    /**
     * Kolada's v3 pages hold up to 5,000 values (~136 bytes each): such a page, well over the API's
     * global 256 KB, is taken by the upload (limit 2 MB), and a body over that is still a 413. The
     * page names a KPI no indicator follows, so only its size matters here.
     */
    @Test
    void aFullKoladaPageIsAcceptedUnderTheUploadsOwnLimit() {
        StringBuilder page = new StringBuilder("{\"count\": 5000, \"values\": [");
        for (int i = 0; i < 5000; i++) {
            page.append(i == 0 ? "" : ",").append("""
                    {"kpi": "N00000", "municipality": "%04d", "period": %d, "values": [{"gender": "T", "count": 1, "status": "", "value": %d.5, "isdeleted": false}]}"""
                    .formatted(1000 + i % 290, 2010 + i / 290, i % 100));
        }
        String body = page.append("], \"next_url\": null}").toString();
        assertThat(body.length()).isBetween(300 * 1024, 2 * 1024 * 1024);

        var response = api.post("strategy", IMPORT + "?reportPeriod=2022-AR", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("recorded").asInt()).isZero();

        var tooLarge = api.post("strategy", IMPORT + "?reportPeriod=2022-AR", body + " ".repeat(2 * 1024 * 1024));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(api.post("strategy", "/api/admin/decisions", "{\"title\": \"" + "x".repeat(300 * 1024) + "\"}").status())
                .as("the global limit stays").isEqualTo(413);
    }

    @Test
    void aMalformedFileIsRefusedNamingTheProblemAndNothingIsWritten() {
        long before = eventCount();
        var malformed = importFile("malformed-period.json", "2022-AR", "");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("values[1].period");
        assertThat(malformed.json().get("detail").asText())
                .isEqualTo("values[1].period: must be a year (an integer such as 2021), got \"2022\"");

        var notKolada = api.post("strategy", IMPORT + "?reportPeriod=2022-AR", "[{\"kpi\": \"N15428\"}]");
        assertThat(notKolada.status()).as(notKolada.toString()).isEqualTo(400);
        assertThat(notKolada.json().get("detail").asText()).contains("expected a Kolada v3 /data response");

        var notJson = api.post("strategy", IMPORT + "?reportPeriod=2022-AR", "{\"values\": [");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asText()).startsWith("body: not valid JSON");

        var noPeriod = api.post("strategy", IMPORT, fixture("n15428-two-years.json"));
        assertThat(noPeriod.status()).as(noPeriod.toString()).isEqualTo(400);
        assertThat(noPeriod.json().get("errors").get(0).get("field").asText()).isEqualTo("reportPeriod");
        var badPeriod = importFile("n15428-two-years.json", "2022-T3", "");
        assertThat(badPeriod.status()).as(badPeriod.toString()).isEqualTo(400);

        assertThat(eventCount()).isEqualTo(before);
        assertThat(measurements(gymnasiebehorighet)).isEmpty();
    }

    @Test
    void fetchChecksItsParametersBeforeReachingKoladaAndOnlyStrategyMayImport() {
        var noKpi = api.post("strategy", IMPORT + "/fetch?reportPeriod=2022-AR", null);
        assertThat(noKpi.status()).as(noKpi.toString()).isEqualTo(400);
        assertThat(noKpi.json().get("errors").get(0).get("field").asText()).isEqualTo("kpi");
        var badKpi = api.post("strategy", IMPORT + "/fetch?reportPeriod=2022-AR&kpi=N15428,../x", null);
        assertThat(badKpi.status()).as(badKpi.toString()).isEqualTo(400);

        assertThat(api.post("auditor", IMPORT + "?reportPeriod=2022-AR", fixture("n15428-two-years.json")).status())
                .isEqualTo(403);
        assertThat(api.post(null, IMPORT + "?reportPeriod=2022-AR", fixture("n15428-two-years.json")).status())
                .isEqualTo(401);
        assertThat(measurements(gymnasiebehorighet)).isEmpty();
    }

    @Test
    void anImportRetriedWithItsIdempotencyKeyGetsTheFirstAnswerAndAnotherDocumentIsRefused() {
        String key = "import-" + suffix;
        String path = IMPORT + "?reportPeriod=2022-AR&origin=n15428-two-years.json&fetchedAt=2023-02-01T08:00:00Z";
        var first = api.send("strategy", "POST", path, fixture("n15428-two-years.json"), java.util.Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(outcomes(first.json(), gymnasiebehorighet)).containsExactly("RECORDED");
        long events = eventCount();

        var retry = api.send("strategy", "POST", path, fixture("n15428-two-years.json"), java.util.Map.of("Idempotency-Key", key));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(read(retry.body())).as("the first answer, not 'unchanged'").isEqualTo(read(first.body()));
        var other = api.send("strategy", "POST", path.replace("2022-AR", "2022-T2"), fixture("n15428-two-years.json"),
                java.util.Map.of("Idempotency-Key", key));
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(measurements(gymnasiebehorighet)).hasSize(1);
    }

    private ApiClient.Response importFile(String file, String reportPeriod, String moreParameters) {
        return api.post("strategy", IMPORT + "?reportPeriod=" + reportPeriod + moreParameters, fixture(file));
    }

    private static List<String> outcomes(JsonNode summary, String indicator) {
        List<String> outcomes = new java.util.ArrayList<>();
        summary.get("indicators").forEach(i -> {
            if (i.get("indicatorId").asText().equals(indicator)) {
                outcomes.add(i.get("outcome").asText());
            }
        });
        return outcomes;
    }

    private List<JsonNode> measurements(String indicator) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                         where aggregate_identifier = :id and payload_type = 'se.malspar.kernel.programme.MeasurementRecorded'
                         order by sequence_number""")
                .param("id", indicator)
                .query((rs, n) -> read(rs.getString(1)))
                .list();
    }

    private String userOfLastEvent(String indicator) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8') from domain_event_entry
                         where aggregate_identifier = :id order by sequence_number desc limit 1""")
                .param("id", indicator)
                .query((rs, n) -> read(rs.getString(1)).get("userId").asText())
                .single();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private String decision(String organ, String date) {
        String citation = organ + " " + date + " § " + Paragraphs.next();
        var created = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return citation;
    }

    private String indicator(String delmal, String name, String kpi) {
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
        try (InputStream in = KoladaImportApiTest.class.getResourceAsStream("/kolada/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
