package se.malspar.standalone.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Planned decisions authorise nothing until their adoption is recorded, and a write's source travels
 * with its events to the decision's changes and the audit trail. The ids are this class's own
 * (a meeting month and a programme no other test uses).
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class PlannedDecisionAndSourceApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aPlannedDecisionAuthorisesNothingUntilItsAdoptionIsRecorded() {
        var kf = api.post("strategy", "/api/admin/decisions", """
                {"citation": "KF 2019-11-27 § 1", "title": "Program för provenienstest"}""");
        assertThat(kf.status()).as(kf.toString()).isEqualTo(201);
        var planned = api.post("strategy", "/api/admin/decisions", """
                {"citation": "KF 2019-12", "title": "Planerat mål för provenienstest", "status": "PLANNED"}""");
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(planned.json().get("status").asText()).isEqualTo("PLANNED");
        assertThat(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "provenienstest", "name": "Provenienstest", "ownerOrgan": "KF",
                 "decision": "KF 2019-11-27 § 1", "effectiveFrom": "2019-11"}""").status()).isEqualTo(201);

        var refused = api.post("strategy", "/api/admin/programmes/provenienstest/goals", """
                {"goalId": "PROV-1", "name": "Mål", "decision": "KF 2019-12", "effectiveFrom": "2019-12-18"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("DECISION_NOT_ADOPTED");

        var adopted = api.post("strategy", "/api/admin/decisions/kf-2019-12/adoption", """
                {"adoptedOn": "2019-12-18", "adoptedBy": "Protokoll KF 2019-12-18"}""");
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(adopted.json().get("status").asText()).isEqualTo("ADOPTED");
        assertThat(api.post("strategy", "/api/admin/decisions/kf-2019-12/adoption", """
                {"adoptedOn": "2019-12-18", "adoptedBy": "Protokoll KF 2019-12-18"}""").status()).isEqualTo(422);

        var goal = api.post("strategy", "/api/admin/programmes/provenienstest/goals", """
                {"goalId": "PROV-1", "name": "Mål", "decision": "KF 2019-12", "effectiveFrom": "2019-12-18",
                 "source": {"document": "Protokoll KF 2019-12-18", "locator": "§ 5", "quote": "Målet antogs",
                            "documentDate": "2019-12-18"}}""");
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/decisions/kf-2019-12").json(),
                e -> "ADOPTED".equals(e.path("status").asText()) && e.path("changes").size() == 1);
        assertThat(entry.get("adoption").get("adoptedOn").asText()).isEqualTo("2019-12-18");
        assertThat(entry.get("adoption").get("adoptedBy").asText()).isEqualTo("Protokoll KF 2019-12-18");
        JsonNode change = entry.get("changes").get(0);
        assertThat(change.get("parentId").asText()).isEqualTo("provenienstest");
        JsonNode source = change.get("provenance").get("source");
        assertThat(source.get("document").asText()).isEqualTo("Protokoll KF 2019-12-18");
        assertThat(source.get("locator").asText()).isEqualTo("§ 5");
        assertThat(source.get("quote").asText()).isEqualTo("Målet antogs");
        assertThat(source.get("documentDate").asText()).isEqualTo("2019-12-18");
        // Not from the papers' import: no origin is claimed.
        assertThat(change.get("provenance").has("origin")).isFalse();

        JsonNode trail = api.get("auditor", "/api/audit/events?decisionId=kf-2019-12").json();
        java.util.List<String> types = new java.util.ArrayList<>();
        trail.get("events").forEach(e -> {
            types.add(e.get("type").asText());
            if (e.get("type").asText().equals("GoalAdded")) {
                assertThat(e.get("metadata").get("sourceQuote").asText()).isEqualTo("Målet antogs");
                assertThat(e.get("metadata").get("userId").asText()).isEqualTo("strategy");
            }
        });
        assertThat(types).containsExactly("DecisionRegistered", "DecisionAdopted", "GoalAdded");

        // The programme's date was given to the month: uncertain inside it, certain after.
        JsonNode inside = api.get("auditor", "/api/programmes/provenienstest?validAt=2019-11-15").json();
        assertThat(inside.get("effectiveFromWritten").asText()).isEqualTo("2019-11");
        assertThat(inside.get("certainty").asText()).isEqualTo("UNCERTAIN");
        assertThat(api.get("auditor", "/api/programmes/provenienstest?validAt=2019-12-01").json().get("certainty").asText())
                .isEqualTo("CERTAIN");
        var badDate = api.post("strategy", "/api/admin/programmes/provenienstest/goals", """
                {"goalId": "PROV-2", "name": "Mål två", "decision": "KF 2019-11-27 § 1", "effectiveFrom": "2019-13"}""");
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
    }
}
