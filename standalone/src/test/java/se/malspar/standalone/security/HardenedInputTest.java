package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient.Response;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.standalone.security.ProblemResponses.assertFieldError;
import static se.malspar.standalone.security.ProblemResponses.assertProblem;

/**
 * Data errors are 400s naming the field (never a conflict or a 500), refusals by the container
 * itself are problem details too (never Tomcat's HTML), names and titles carry no invisible
 * formatting, dates and periods stay within what the register can mean, and the decision list is
 * paged. Every refusal writes nothing.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class HardenedInputTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    EventStore events;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        events = new EventStore(jdbc);
    }

    private String decision(String organ, String day) {
        Response created = api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"" + organ + " " + day + " § " + Paragraphs.next() + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("citation").asText();
    }

    @Test
    void datesOutsideTheRegistersRangeAreDataErrors() {
        for (String query : List.of("?knownAt=%2B1000000000-01-01T00:00:00Z", "?knownAt=1899-12-31T23:59:59Z",
                "?validAt=0000-01-01", "?validAt=9999-12-31")) {
            String field = query.substring(1, query.indexOf('='));
            assertFieldError(api.get("auditor", "/api/programmes/any-programme" + query), field);
        }
        assertFieldError(api.get("auditor", "/api/programmes/any-programme/diff?from=0000-01-01&to=2022-01-01"), "from");
        assertFieldError(api.get("auditor", "/api/programmes/any-programme/diff?from=2022-01-01&to=9999-12-31"), "to");

        String kf = decision("KF", "2020-10-29");
        long before = events.count();
        for (String date : List.of("0000-01-01", "9999-12-31", "1899-12-31", "2101-01-01")) {
            assertFieldError(api.post("strategy", "/api/admin/programmes", """
                    {"programmeId": "dates-%s", "name": "Datum", "ownerOrgan": "KF", "decision": "%s", "effectiveFrom": "%s"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), kf, date)), "effectiveFrom");
            assertFieldError(api.post("strategy", "/api/admin/decisions", """
                    {"citation": "KS 2022-05-05 § %d", "title": "t", "effectiveFrom": "%s"}"""
                    .formatted(Paragraphs.next(), date)), "effectiveFrom");
        }
        assertFieldError(api.post("strategy", "/api/admin/decisions",
                "{\"organ\": \"KS\", \"meetingDate\": \"0000-01-01\", \"paragraph\": 1, \"title\": \"t\"}"), "meetingDate");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aDataPeriodMustBeAPeriodOfTheRegistersYears() {
        String kf = decision("KF", "2020-10-29");
        String ks = decision("KS", "2021-01-16");
        String run = UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "dp-%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(run, run, kf)).status()).isEqualTo(201);
        assertThat(api.post("strategy", "/api/admin/programmes/dp-" + run + "/goals",
                "{\"goalId\": \"DP-" + run + "\", \"name\": \"Mål\", \"decision\": \"" + kf + "\"}").status()).isEqualTo(201);
        String delmal = api.post("strategy", "/api/admin/goals/DP-" + run + "/delmal",
                "{\"name\": \"Delmål\", \"decision\": \"" + kf + "\"}").json().get("id").asText();
        String indicator = api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Andel", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "source": {"kind": "MANUAL"}, "decision": "%s"}""".formatted(ks))
                .json().get("id").asText();
        long before = events.count();
        for (String dataPeriod : List.of("0000", "9999", "21", "2021-13", "2021-T3", "året 2021")) {
            assertFieldError(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                    {"period": "2022-AR", "value": 1, "dataPeriod": "%s", "source": {"kind": "MANUAL"}}""".formatted(dataPeriod)),
                    "dataPeriod");
        }
        assertThat(events.count()).isEqualTo(before);
        for (String dataPeriod : List.of("2021", "2021-09", "2021/22", "2019-2021")) {
            Response ok = api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                    {"period": "2022-AR", "value": 1, "dataPeriod": "%s", "source": {"kind": "MANUAL"}}""".formatted(dataPeriod));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        }
    }

    @Test
    void invisibleFormattingCharactersAreRefusedInNamesAndTitles() {
        String kf = decision("KF", "2020-10-29");
        long before = events.count();
        // Right-to-left override, zero width space, zero width joiner, BOM, word joiner, LRM, Arabic letter mark, LRI.
        for (String c : List.of("\u202E", "\u200B", "\u200D", "\uFEFF", "\u2060", "\u200E", "\u061C", "\u2066")) {
            String name = "Trygg" + c + "het";
            JsonNode problem = assertFieldError(api.post("strategy", "/api/admin/programmes", """
                    {"programmeId": "bidi-%s", "name": "%s", "ownerOrgan": "KF", "decision": "%s"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), name, kf)), "name");
            assertThat(problem.get("detail").asText()).contains(String.format("U+%04X", (int) c.charAt(0)));
            assertFieldError(api.post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2022-05-06 § " + Paragraphs.next() + "\", \"title\": \"" + name + "\"}"),
                    "title");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void whatTheContainerRefusesIsAProblemDetailToo() {
        for (String path : List.of("/api/decisions/a%2Fb", "/api/decisions/a%00b", "/api/decisions/a%5Cb",
                "/api/decisions/%2e%2e%2fadmin")) {
            assertProblem(api.get("auditor", path), 400, "VALIDATION_FAILED");
        }
        Response tooLarge = api.send("auditor", "GET", "/api/decisions", null, Map.of("X-Padding", "a".repeat(9000)));
        assertProblem(tooLarge, 400, "VALIDATION_FAILED");
        assertThat(tooLarge.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void theDecisionListIsPagedByTheLastEntryOfThePreviousPage() {
        String day = "1996-0" + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 9)) + "-1" + Math.floorMod(UUID.randomUUID().hashCode(), 10);
        for (int i = 0; i < 3; i++) {
            String citation = decision("KS", day);
            // The register is a read model: page only once it shows all three.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api.get("auditor",
                    "/api/decisions/" + java.net.URLEncoder.encode(citation, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20")).status() == 200);
        }
        Response first = api.get("auditor", "/api/decisions?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        String link = first.header("Link");
        assertThat(link).matches("</api/decisions\\?after=[^&]+&limit=2>; rel=\"next\"");
        Response second = api.get("auditor", link.substring(1, link.indexOf('>')));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().findValuesAsText("decisionId"))
                .doesNotContainAnyElementsOf(first.json().findValuesAsText("decisionId"));

        // The two pages are four consecutive entries of the whole register.
        List<String> pages = java.util.stream.Stream.concat(first.json().findValuesAsText("decisionId").stream(),
                second.json().findValuesAsText("decisionId").stream()).toList();
        List<String> all = api.get("auditor", "/api/decisions").json().findValuesAsText("decisionId");
        int at = all.indexOf(pages.get(0));
        assertThat(at).isGreaterThanOrEqualTo(0);
        assertThat(all.subList(at, at + pages.size())).containsExactlyElementsOf(pages);
        assertFieldError(api.get("auditor", "/api/decisions?limit=0"), "limit");
        assertFieldError(api.get("auditor", "/api/decisions?limit=1001"), "limit");
        assertFieldError(api.get("auditor", "/api/decisions?after=ks-1996-01-01-p9999"), "after");
    }
}
