package se.malspar.standalone.programme;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.platform.test.ApiClient;
import se.malspar.standalone.Paragraphs;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh programme with one goal, one delmål and one measured indicator, through the admin API. */
public final class TestIndicator {

    // Paragraph numbers unique within the run: every test in a context registers into one register.

    private TestIndicator() {
    }

    public static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    /** Its id; each measurement of it also gets a computed verdict. */
    public static String create(ApiClient api, String prefix) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        int p = Paragraphs.next();
        String kf = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KF 2020-10-27 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        String ks = ok(api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KS 2021-01-14 § " + p + "\", \"title\": \"t\"}")).get("citation").asText();
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s-%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(prefix, run, run, kf)));
        ok(api.post("strategy", "/api/admin/programmes/" + prefix + "-" + run + "/goals", """
                {"goalId": "G-%s", "name": "Utbildning", "decision": "%s"}""".formatted(run, kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/G-" + run + "/delmal",
                "{\"name\": \"Lärande\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        return ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Gymnasiebehörighet", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "MANUAL"}, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
    }
}
