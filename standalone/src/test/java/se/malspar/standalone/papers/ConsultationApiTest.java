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

/**
 * A remiss round on real PostgreSQL: answers recorded with the paper's outcome, one linked to the
 * change it led to, and the auditor's one-call question — which answers changed the programme,
 * which were turned down — and the answers behind a change.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ConsultationApiTest {

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

    private String respond(String consultation, String body) {
        return created(api.post("strategy", "/api/admin/consultations/" + consultation + "/responses", body)).get("id").asText();
    }

    @Test
    void theAuditorAsksInOneCallWhichAnswersChangedTheProgrammeAndWhichWereTurnedDown() {
        String kf = papers.decision("KF", "1999-09-09");
        String ks = papers.decision("KS", "1999-09-09");
        String[] p = papers.councilProgramme(run, kf, ks);
        String remiss = "remiss-" + run;
        created(api.post("strategy", "/api/admin/consultations", """
                {"consultationId": "%s", "title": "Övergripande summering remissvar",
                 "source": {"document": "seeds/000_ab05747c32fdfa27.txt", "locator": "l. 1"}}""".formatted(remiss)));
        respond(remiss, """
                {"responseId": "vsbo-1", "respondent": "VSBo", "subject": "%s",
                 "comment": "Befolkningstillväxt i samtliga delområden. Påverkar genom hyresrätter",
                 "proposedAnswer": "Ett kompletterande mätvärde kan vara antal bostäder och andel upplåtelseform.",
                 "outcome": "JA", "outcomeText": "Ja, nytt värde föreslås",
                 "source": {"document": "seeds/000_ab05747c32fdfa27.txt", "locator": "l. 302-309"}}""".formatted(p[1]));
        respond(remiss, """
                {"respondent": "BUN", "comment": "För detaljerat dokument, fel struktur.",
                 "proposedAnswer": "Programmet bedöms hållbart över tid", "outcome": "NEJ", "outcomeText": "Nej"}""");
        respond(remiss, """
                {"respondent": "SN", "comment": "Rimlig nivå av ambitionsnivå", "outcomeText": "Inget krav på ändring"}""");
        var linked = api.post("strategy", "/api/admin/consultations/" + remiss + "/responses/vsbo-1/changes", """
                {"decision": "%s", "entity": "%s", "reason": "l.61-62 names the new indicator the answer proposed"}"""
                .formatted(ks, p[3]));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);

        JsonNode changed = papers.awaitRead("auditor", "/api/consultations/" + remiss + "?ledToChange=true",
                c -> c.get("responses").size() == 1);
        JsonNode vsbo = changed.get("responses").get(0);
        assertThat(vsbo.get("respondent").asText()).isEqualTo("VSBo");
        assertThat(vsbo.get("subjectKind").asText()).isEqualTo("GOAL");
        assertThat(vsbo.get("outcome").asText()).isEqualTo("JA");
        assertThat(vsbo.get("outcomeText").asText()).isEqualTo("Ja, nytt värde föreslås");
        assertThat(vsbo.get("source").get("locator").asText()).isEqualTo("l. 302-309");
        JsonNode change = vsbo.get("changes").get(0);
        assertThat(change.get("decision").get("citation").asText()).isEqualTo(ks);
        assertThat(change.get("entity").asText()).isEqualTo(p[3]);
        assertThat(change.get("linkedBy").asText()).isEqualTo("strategy");

        JsonNode turnedDown = papers.awaitRead("auditor", "/api/consultations/" + remiss + "?outcome=NEJ",
                c -> c.get("responses").size() == 1);
        assertThat(turnedDown.get("responses").get(0).get("respondent").asText()).isEqualTo("BUN");
        assertThat(turnedDown.get("responses").get(0).get("responseId").asText()).as("numbered in its round").isEqualTo("2");
        assertThat(turnedDown.get("filter").get("outcome").asText()).isEqualTo("NEJ");

        JsonNode all = papers.awaitRead("auditor", "/api/consultations/" + remiss, c -> c.get("responseCount").asInt() == 3);
        assertThat(all.get("outcomes").get("NONE").asInt()).as("'Inget krav på ändring' is none of the four").isEqualTo(1);
        assertThat(all.get("decision").isNull()).as("no paper gives the decision that sent it").isTrue();

        JsonNode behind = papers.awaitRead("revisor", "/api/consultations/responses?entity=" + p[3], r -> r.size() == 1);
        assertThat(behind.get(0).get("responseId").asText()).isEqualTo("vsbo-1");
    }

    @Test
    void anUnknownRespondentOrOutcomeIsRefusedNamingTheFieldAndWritesNothing() {
        String remiss = "remiss-bad-" + run;
        created(api.post("strategy", "/api/admin/consultations", """
                {"consultationId": "%s", "title": "Remiss"}""".formatted(remiss)));
        long before = papers.events();
        papers.refusedNaming(api.post("strategy", "/api/admin/consultations/" + remiss + "/responses", """
                {"respondent": "Kommunstyrelsen", "comment": "x", "outcome": "JA"}"""), 400, "respondent", before);
        papers.refusedNaming(api.post("strategy", "/api/admin/consultations/" + remiss + "/responses", """
                {"respondent": "BUN", "comment": "x", "outcome": "KANSKE"}"""), 400, "outcome", before);
        papers.refusedNaming(api.get("auditor", "/api/consultations/" + remiss + "?outcome=KANSKE"), 400, "outcome", before);
    }

    @Test
    void anAnswerCannotBeLinkedToAChangeTheDecisionDidNotMake() {
        String ks = papers.decision("KS", "1999-09-09");
        String remiss = "remiss-link-" + run;
        created(api.post("strategy", "/api/admin/consultations", """
                {"consultationId": "%s", "title": "Remiss"}""".formatted(remiss)));
        respond(remiss, """
                {"responseId": "tn-1", "respondent": "TN", "comment": "En viss andel ärenden", "outcome": "NEJ"}""");
        long before = papers.events();
        var refused = api.post("strategy", "/api/admin/consultations/" + remiss + "/responses/tn-1/changes", """
                {"decision": "%s", "entity": "KF1", "reason": "skäl"}""".formatted(ks));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_SUCH_CHANGE");
        assertThat(papers.events()).isEqualTo(before);
    }
}
