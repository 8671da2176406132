package se.malspar.standalone.history;

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
 * Through the admin API: an indicator the papers name but do not finish is PLANNED and refuses
 * measurements, its assumed direction is a field with its reason, a level left to dialogue is
 * TO_BE_DISCUSSED, and both take effect in a month when the paper gives only that (uncertain inside
 * it, certain after). The ids are this class's own (meetings of late 2018, programme "lamnat-oppet").
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class PapersLeaveOpenApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private void created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    @Test
    void aPlannedIndicatorAndALevelToBeDiscussedTakeEffectInTheMonthThePaperGives() {
        created(api.post("strategy", "/api/admin/decisions", """
                {"citation": "KF 2018-11-28 § 1", "title": "Program för lämnat öppet"}"""));
        created(api.post("strategy", "/api/admin/decisions", """
                {"citation": "KS 2018-12", "title": "Mätvärden för lämnat öppet"}"""));
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "lamnat-oppet", "name": "Lämnat öppet", "ownerOrgan": "KF",
                 "decision": "KF 2018-11-28 § 1"}"""));
        created(api.post("strategy", "/api/admin/programmes/lamnat-oppet/goals", """
                {"goalId": "OPPET-1", "name": "Öppet mål", "decision": "KF 2018-11-28 § 1"}"""));
        created(api.post("strategy", "/api/admin/goals/OPPET-1/delmal", """
                {"delmalId": "OPPET-1-tillvaxt", "name": "Tillväxt", "decision": "KF 2018-11-28 § 1"}"""));
        created(api.post("strategy", "/api/admin/delmal/OPPET-1-tillvaxt/indicators", """
                {"indicatorId": "oppet-valfardsindex", "name": "Välfärdsindex", "unit": "index", "kind": "PLANNED",
                 "direction": "HIGHER_IS_BETTER", "politicallyDecidedTarget": false, "decision": "KS 2018-12",
                 "effectiveFrom": "2018-12", "directionBasis": "ASSUMED", "directionReason": "anges inte i underlaget"}"""));
        created(api.post("strategy", "/api/admin/delmal/OPPET-1-tillvaxt/indicators", """
                {"indicatorId": "oppet-bredband", "name": "Bredband", "unit": "andel", "kind": "MEASURED",
                 "direction": "HIGHER_IS_BETTER", "politicallyDecidedTarget": false, "decision": "KS 2018-12",
                 "effectiveFrom": "2018-12"}"""));
        var level = api.put("strategy", "/api/admin/indicators/oppet-bredband/ambition-level", """
                {"text": "ambitionsnivå år 2030", "status": "TO_BE_DISCUSSED", "decision": "KS 2018-12",
                 "effectiveFrom": "2018-12"}""");
        assertThat(level.status()).as(level.toString()).isEqualTo(200);

        var measured = api.post("strategy", "/api/admin/indicators/oppet-valfardsindex/measurements", """
                {"period": "2019-AR", "value": 1, "source": {"kind": "MANUAL"}}""");
        assertThat(measured.status()).as(measured.toString()).isEqualTo(422);
        assertThat(measured.json().get("code").asText()).isEqualTo("INDICATOR_PLANNED");

        JsonNode december = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/programmes/lamnat-oppet?validAt=2018-12-15").json(),
                t -> t.path("goals").path(0).path("delmal").path(0).path("indicators").size() == 2
                        && !t.path("goals").path(0).path("delmal").path(0).path("indicators").path(0)
                        .path("ambitionLevel").isNull());
        JsonNode indicators = december.get("goals").get(0).get("delmal").get(0).get("indicators");
        JsonNode bredband = indicators.get(0);
        JsonNode valfard = indicators.get(1);
        assertThat(bredband.get("indicatorId").asText()).isEqualTo("oppet-bredband");
        assertThat(bredband.get("effectiveFromWritten").asText()).isEqualTo("2018-12");
        assertThat(bredband.get("effectiveFromPrecision").asText()).isEqualTo("MONTH");
        assertThat(bredband.get("certainty").asText()).isEqualTo("UNCERTAIN");
        JsonNode ambition = bredband.get("ambitionLevel");
        assertThat(ambition.get("status").asText()).isEqualTo("TO_BE_DISCUSSED");
        assertThat(ambition.get("rules")).isEmpty();
        assertThat(ambition.get("effectiveFromWritten").asText()).isEqualTo("2018-12");
        assertThat(ambition.get("certainty").asText()).isEqualTo("UNCERTAIN");
        assertThat(valfard.get("kind").asText()).isEqualTo("PLANNED");
        assertThat(valfard.get("directionBasis").asText()).isEqualTo("ASSUMED");
        assertThat(valfard.get("directionReason").asText()).isEqualTo("anges inte i underlaget");
        assertThat(valfard.get("fulfilment").isNull()).isTrue();

        JsonNode january = api.get("auditor", "/api/programmes/lamnat-oppet?validAt=2019-01-10").json();
        JsonNode after = january.get("goals").get(0).get("delmal").get(0).get("indicators").get(0);
        assertThat(after.get("certainty").asText()).isEqualTo("CERTAIN");
        assertThat(after.get("ambitionLevel").get("certainty").asText()).isEqualTo("CERTAIN");
    }

    @Test
    void anAssignmentPutsTheLevelsUnderReviewUntilADecisionClosesIt() {
        created(api.post("strategy", "/api/admin/decisions", """
                {"citation": "KF 2018-09-26 § 4", "title": "Program för omarbetningstest"}"""));
        created(api.post("strategy", "/api/admin/decisions", """
                {"citation": "KSAU 2018-10-10 § 2", "title": "Uppdrag att omarbeta ambitionsnivåerna"}"""));
        created(api.post("strategy", "/api/admin/decisions", """
                {"citation": "KS 2018-10-24 § 3", "title": "Omarbetade ambitionsnivåer"}"""));
        created(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "oppet-omarbetning", "name": "Omarbetningstest", "ownerOrgan": "KF",
                 "decision": "KF 2018-09-26 § 4"}"""));
        created(api.post("strategy", "/api/admin/programmes/oppet-omarbetning/goals", """
                {"goalId": "OMARB-1", "name": "Omarbetat mål", "decision": "KF 2018-09-26 § 4"}"""));
        created(api.post("strategy", "/api/admin/goals/OMARB-1/delmal-count", """
                {"count": 4, "decision": "KF 2018-09-26 § 4"}"""));
        created(api.post("strategy", "/api/admin/programmes/oppet-omarbetning/ambition-reviews", """
                {"subject": "uppdaterade ambitionsnivåer", "decision": "KSAU 2018-10-10 § 2",
                 "source": {"document": "Protokoll KSAU 2018-10-10", "locator": "§ 2", "quote": "ger i uppdrag"}}"""));
        var again = api.post("strategy", "/api/admin/programmes/oppet-omarbetning/ambition-reviews", """
                {"subject": "ännu en omarbetning", "decision": "KSAU 2018-10-10 § 2"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("AMBITION_REVIEW_UNDER_WAY");

        JsonNode during = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/programmes/oppet-omarbetning?validAt=2018-10-15").json(),
                t -> !t.path("ambitionReview").isNull() && !t.path("ambitionReview").isMissingNode()
                        && t.path("goals").path(0).path("delmalStated").asInt() == 4);
        assertThat(during.get("ambitionReview").get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(during.get("ambitionReview").get("openedBy").get("citation").asText()).isEqualTo("KSAU 2018-10-10 § 2");
        assertThat(during.get("ambitionReview").get("openedProvenance").get("source").get("quote").asText())
                .isEqualTo("ger i uppdrag");
        assertThat(during.get("goals").get(0).get("delmalNamed").asInt()).isZero();

        var closed = api.post("strategy", "/api/admin/programmes/oppet-omarbetning/ambition-reviews/close", """
                {"outcome": "omarbetade nivåer godkända", "decision": "KS 2018-10-24 § 3"}""");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode diff = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("auditor", "/api/programmes/oppet-omarbetning/diff?from=2018-10-01&to=2018-10-31").json(),
                d -> d.toString().contains("AMBITION_REVIEW_CLOSED"));
        assertThat(diff.toString()).contains("AMBITION_REVIEW_OPENED").contains("KS 2018-10-24 § 3");
        assertThat(api.get("auditor", "/api/programmes/oppet-omarbetning?validAt=2018-10-30").json()
                .get("ambitionReview").isNull()).isTrue();
        assertThat(api.get("auditor", "/api/programmes/oppet-omarbetning?validAt=2018-10-23").json()
                .get("ambitionReview").get("until").asText()).isEqualTo("2018-10-24");
    }
}
