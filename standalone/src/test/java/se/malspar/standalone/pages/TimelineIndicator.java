package se.malspar.standalone.pages;

import se.malspar.platform.test.ApiClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.malspar.standalone.pages.PagesInBrowserTest.ok;

/**
 * This test's own indicator (the Vaggeryd history records no measurements): two decided ambition
 * levels, a målvärde and two annual measurements with riket and länet, so the timeline has steps,
 * lines and verdicts (2021 rött, 2022 gult). Its decisions' paragraphs (§ 901–903) occur nowhere else.
 */
final class TimelineIndicator {

    static final String FIRST_AMBITION = "KS 2021-01-14 § 901";
    static final String SECOND_AMBITION = "KS 2022-01-12 § 902";

    private TimelineIndicator() {
    }

    static String create(ApiClient api) {
        String kf = "KF 2020-10-27 § 903";
        for (String citation : new String[]{kf, FIRST_AMBITION, SECOND_AMBITION}) {
            ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"Provbeslut för sidornas test\"}"));
        }
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "sidprov", "name": "Provprogram för sidorna", "ownerOrgan": "KF", "decision": "%s"}""".formatted(kf)));
        ok(api.post("strategy", "/api/admin/programmes/sidprov/goals", """
                {"goalId": "SP1", "name": "Provmål", "decision": "%s"}""".formatted(kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/SP1/delmal",
                "{\"name\": \"Provdelmål\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        String indicator = ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Provmätvärde", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": true, "source": {"kind": "MANUAL"}, "decision": "%s"}""".formatted(FIRST_AMBITION)))
                .get("id").asText();
        String base = "/api/admin/indicators/" + indicator;
        ok(api.put("strategy", base + "/ambition-level", "{\"text\": \"minst 80 %\", \"decision\": \"" + FIRST_AMBITION + "\"}"));
        ok(api.put("strategy", base + "/target-value", "{\"value\": 85, \"year\": 2021, \"decision\": \"" + FIRST_AMBITION + "\"}"));
        ok(api.put("strategy", base + "/ambition-level", "{\"text\": \"minst 70 %\", \"decision\": \"" + SECOND_AMBITION + "\"}"));
        ok(api.post("strategy", base + "/measurements", """
                {"period": "2021-AR", "value": 75.0, "dataPeriod": "2021", "referenceValues": {"NATIONAL": 78.2, "COUNTY": 77.1},
                 "source": {"kind": "MANUAL"}, "note": "provvärde för sidornas test"}"""));
        ok(api.post("strategy", base + "/measurements", """
                {"period": "2022-AR", "value": 72.5, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 79.0, "COUNTY": 77.5},
                 "source": {"kind": "MANUAL"}, "note": "provvärde för sidornas test"}"""));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                api.get("auditor", "/api/indicators/" + indicator + "/fulfilment?period=2022-AR").json().path("status").asText())
                .isNotBlank());
        return indicator;
    }
}
