package se.malspar.standalone.papers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.standalone.papers.PapersFixture.created;

/** KS's own goals: a second programme owned by KS whose goals name the council goals they contribute to. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class KsOwnGoalsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    PapersFixture papers;
    String run;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        papers = new PapersFixture(api, jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String ksProgramme(String ks) {
        String programme = "ks-mal-" + run;
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Kommunstyrelsens mål %s", "ownerOrgan": "KS", "decision": "%s"}"""
                .formatted(programme, run, ks)));
        return programme;
    }

    @Test
    void aKsGoalNamesTheCouncilGoalItContributesToAndTheTreeShowsIt() {
        String kf = papers.decision("KF", "1999-09-09");
        String ks = papers.decision("KS", "1999-10-10");
        String[] council = papers.councilProgramme(run, kf, ks);
        String programme = ksProgramme(ks);
        created(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "KS1-%s", "name": "KS mål 1", "decision": "%s", "contributesTo": ["%s"]}"""
                .formatted(run, ks, council[1])));

        JsonNode tree = papers.awaitRead("auditor", "/api/programmes/" + programme + "?validAt=2000-01-01",
                t -> t.get("goals").size() == 1 && t.get("goals").get(0).get("contributesTo").size() == 1);
        assertThat(tree.get("ownerOrgan").asText()).isEqualTo("KS");
        assertThat(tree.get("goals").get(0).get("contributesTo").get(0).asText()).isEqualTo(council[1]);
    }

    @Test
    void kfCannotAddAGoalToTheProgrammeKsOwns() {
        String kf = papers.decision("KF", "1999-09-09");
        String programme = ksProgramme(papers.decision("KS", "1999-10-10"));
        long before = papers.events();
        var refused = api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "KS2-%s", "name": "KS mål 2", "decision": "%s"}""".formatted(run, kf));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("DECISION_LACKS_COMPETENCE");
        assertThat(papers.events()).isEqualTo(before);
    }

    @Test
    void aKsGoalContributingToAGoalThatDoesNotExistIsRefusedNamingTheFieldAndWritesNothing() {
        String ks = papers.decision("KS", "1999-10-10");
        String programme = ksProgramme(ks);
        long before = papers.events();
        papers.refusedNaming(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "KS3-%s", "name": "KS mål 3", "decision": "%s", "contributesTo": ["KF-finns-inte-%s"]}"""
                .formatted(run, ks, run)), 400, "contributesTo", before);
    }
}
