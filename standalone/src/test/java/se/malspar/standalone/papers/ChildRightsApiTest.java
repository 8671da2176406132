package se.malspar.standalone.papers;

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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Barnkonventionen: a goal's articles, decided, shown in the tree from the decision's day on; 1–54 only. */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ChildRightsApiTest {

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

    @Test
    void aDecidedLinkIsShownInTheTreeFromItsDayOn() {
        String kf = papers.decision("KF", "1999-09-09");
        String ks = papers.decision("KS", "1999-10-10");
        String[] p = papers.councilProgramme(run, kf, ks);
        var linked = api.put("strategy", "/api/admin/goals/" + p[1] + "/child-rights", """
                {"articles": [12, 2, 3], "decision": "%s"}""".formatted(ks));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.header("ETag")).isEqualTo("\"1\"");

        JsonNode tree = papers.awaitRead("auditor", "/api/programmes/" + p[0] + "?validAt=2000-01-01",
                t -> !t.get("goals").get(0).get("childRights").isNull());
        JsonNode rights = tree.get("goals").get(0).get("childRights");
        assertThat(rights.get("articles").toString()).isEqualTo("[2,3,12]");
        assertThat(rights.get("decision").get("citation").asText()).isEqualTo(ks);
        assertThat(rights.get("effectiveFrom").asText()).isEqualTo("1999-10-10");

        JsonNode before = api.get("auditor", "/api/programmes/" + p[0] + "?validAt=1999-10-09").json();
        assertThat(before.get("goals").get(0).get("childRights").isNull()).as("not yet decided").isTrue();

        // A revisor reads the link among its decision's changes.
        JsonNode changes = api.get("revisor", "/api/decisions/" + Citation.parse(ks).decisionId().value()).json()
                .get("changes");
        assertThat(changes.toString()).contains("\"event\":\"ChildRightsLinked\"").contains("\"entityId\":\"" + p[1] + "\"")
                .contains("\"articles\":[2,3,12]");
    }

    @Test
    void anArticleOutsideTheConventionIsRefusedNamingTheFieldAndWritesNothing() {
        String kf = papers.decision("KF", "1999-09-09");
        String ks = papers.decision("KS", "1999-10-10");
        String[] p = papers.councilProgramme(run, kf, ks);
        long before = papers.events();
        papers.refusedNaming(api.put("strategy", "/api/admin/goals/" + p[1] + "/child-rights", """
                {"articles": [2, 55], "decision": "%s"}""".formatted(ks)), 400, "articles", before);
        papers.refusedNaming(api.put("strategy", "/api/admin/goals/" + p[1] + "/child-rights", """
                {"articles": [0], "decision": "%s"}""".formatted(ks)), 400, "articles", before);
    }
}
