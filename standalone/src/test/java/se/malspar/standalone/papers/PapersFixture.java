package se.malspar.standalone.papers;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tests of issue 15 share: fresh decisions (on a date no other test class uses, numbered
 * from 1 by construction), a council programme with one goal, delmål and indicator, and waiting for a read.
 */
final class PapersFixture {

    private static final AtomicInteger PARAGRAPHS = new AtomicInteger();

    private final ApiClient api;
    private final JdbcClient jdbc;

    PapersFixture(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Registers a fresh decision of the organ and returns its citation. */
    String decision(String organ, String date) {
        String citation = organ + " " + date + " § " + PARAGRAPHS.incrementAndGet();
        var created = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return citation;
    }

    /** A KF programme with goal G, delmål D and indicator I (by KS); returns {programme, goal, delmål, indicator}. */
    String[] councilProgramme(String run, String kf, String ks) {
        String programme = "papers-" + run;
        String goal = "KF-" + run;
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, run, kf)));
        created(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "%s", "name": "Hållbar tillväxt och samhällsplanering", "decision": "%s"}""".formatted(goal, kf)));
        String delmal = created(api.post("strategy", "/api/admin/goals/" + goal + "/delmal", """
                {"name": "Hållbar tillväxt i hela kommunen", "decision": "%s"}""".formatted(ks))).get("id").asText();
        String indicator = created(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Antal bostäder och upplåtelseform", "unit": "antal", "kind": "MEASURED",
                 "direction": "HIGHER_IS_BETTER", "politicallyDecidedTarget": false, "decision": "%s"}""".formatted(ks)))
                .get("id").asText();
        return new String[]{programme, goal, delmal, indicator};
    }

    static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    /** The read model's answer once it satisfies the condition (read models follow the events shortly after). */
    JsonNode awaitRead(String user, String path, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var response = api.get(user, path);
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return ready.test(last[0]);
        });
        return last[0];
    }

    /** A 4xx problem detail naming the field, and no event written. */
    void refusedNaming(ApiClient.Response response, int status, String field, long eventsBefore) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.toString()).containsExactly(field);
        assertThat(events()).as("nothing written").isEqualTo(eventsBefore);
    }
}
