package se.malspar.standalone.papers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.malspar.standalone.papers.PapersFixture.created;

/** The consultations and goal-links read models, rebuilt from the event store, hold exactly the rows they held. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class PapersReplayTest {

    private static final List<String> TABLES = List.of("consultation", "consultation_response",
            "consultation_response_change", "goal_child_rights", "goal_contribution");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingTheRemissAndGoalLinkReadModelsGivesTheSameRows() {
        ApiClient api = new ApiClient(port);
        PapersFixture papers = new PapersFixture(api, jdbc);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String kf = papers.decision("KF", "1999-09-09");
        String ks = papers.decision("KS", "1999-10-10");
        String[] p = papers.councilProgramme(run, kf, ks);
        String remiss = "remiss-replay-" + run;
        created(api.post("strategy", "/api/admin/consultations", """
                {"consultationId": "%s", "title": "Remiss", "source": {"document": "seeds/000_ab05747c32fdfa27.txt"}}"""
                .formatted(remiss)));
        created(api.post("strategy", "/api/admin/consultations/" + remiss + "/responses", """
                {"responseId": "sn-4", "respondent": "SN", "subject": "%s", "comment": "Socialt välfärdsindex",
                 "outcome": "JA_SKA_TAS_FRAM", "outcomeText": "Ja, ska tas fram"}""".formatted(p[1])));
        created(api.post("strategy", "/api/admin/consultations/" + remiss + "/responses/sn-4/changes", """
                {"decision": "%s", "entity": "%s", "reason": "skäl"}""".formatted(ks, p[3])));
        assertThat(api.put("strategy", "/api/admin/goals/" + p[1] + "/child-rights",
                "{\"articles\": [2, 3], \"decision\": \"" + ks + "\"}").status()).isEqualTo(200);
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "ks-replay-%s", "name": "KS mål %s", "ownerOrgan": "KS", "decision": "%s"}""".formatted(run, run, ks)));
        created(api.post("strategy", "/api/admin/programmes/ks-replay-" + run + "/goals", """
                {"goalId": "KS-replay-%s", "name": "KS mål", "decision": "%s", "contributesTo": ["%s"]}""".formatted(run, ks, p[1])));

        for (String name : List.of("consultations", "goal-links")) {
            awaitCaughtUp(api, name);
        }
        Map<String, String> before = hashes();
        assertThat(before.values()).doesNotContain("empty");
        for (String name : List.of("consultations", "goal-links")) {
            var started = api.post("operator", "/api/admin/projections/" + name + "/replay", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            awaitCaughtUp(api, name);
        }
        assertThat(hashes()).isEqualTo(before);
    }

    private static void awaitCaughtUp(ApiClient api, String name) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode p = api.get("operator", "/api/admin/projections/" + name).json();
            return p.get("state").asText().equals("RUNNING") && p.get("lag").asLong() == 0 && p.get("progress").isNull();
        });
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String table : TABLES) {
            hashes.put(table, jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), 'empty') from "
                    + table + " t").query(String.class).single());
        }
        return hashes;
    }
}
