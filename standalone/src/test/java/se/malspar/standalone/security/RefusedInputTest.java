package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.standalone.security.ProblemResponses.assertFieldError;
import static se.malspar.standalone.security.ProblemResponses.assertProblem;

/**
 * Bad input, one category at a time: each gets its own status and a problem detail that says
 * what is wrong (naming the field where there is one) without revealing anything internal,
 * and none of them writes an event.
 */
@SecurityTestApplication
class RefusedInputTest {

    private static final String REGISTER = "/api/admin/decisions";
    /** Just above the 256 KiB limit of malspar.security.max-request-size. */
    private static final int OVER_THE_LIMIT = 256 * 1024 + 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    RawRequests raw;
    EventStore events;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        raw = new RawRequests(port);
        events = new EventStore(jdbc);
    }

    @Test
    void unknownPropertyIsRefusedByName() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": "Okänd egenskap", "colour": "red"}"""
                .formatted(Citations.freshParagraph())));
        JsonNode problem = assertFieldError(response, "colour");
        assertThat(problem.path("detail").asText()).contains("colour");
    }

    @Test
    void duplicateKeyIsRefusedByName() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": "Första", "title": "Andra"}"""
                .formatted(Citations.freshParagraph())));
        assertFieldError(response, "title");
    }

    @Test
    void numberSentAsTextIsRefusedAsWrongType() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": "70", "title": "Fel typ"}"""));
        assertFieldError(response, "paragraph");
    }

    @Test
    void textSentAsNumberIsRefusedAsWrongType() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": 42}"""
                .formatted(Citations.freshParagraph())));
        assertFieldError(response, "title");
    }

    /** NUL, BEL, ESC and the line separator, escaped in the JSON text: valid JSON carrying a control character. */
    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u2028"})
    void controlCharacterInTextIsRefusedNamingTheField(String escaped) {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": "Styr%stecken"}"""
                .formatted(Citations.freshParagraph(), escaped)));
        JsonNode problem = assertFieldError(response, "title");
        assertThat(problem.toString()).doesNotContain("Styr");
    }

    @Test
    void controlCharacterInACorrectionIsRefusedNamingTheField() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER + "/ks-2022-03-09-p70/corrections", """
                {"caseNumber": "KS 2019/191", "reason": "Rättelse\\u0000"}"""));
        assertFieldError(response, "reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": ", "{title: 'x'}", "[1, 2", "KS 2022-03-09 § 70", "{\"title\": \"a\u0000b\"}"})
    void malformedJsonIsRefused(String body) {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, body));
        assertProblem(response, 400, "VALIDATION_FAILED");
    }

    @Test
    void missingBodyIsRefused() {
        Response response = writesNothing(() -> raw.send(raw.as("strategy", REGISTER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody())));
        assertProblem(response, 400, "VALIDATION_FAILED");
    }

    /** Cyrillic К, full-width digits, "$" or "S" for "§": refused, never repaired. */
    @ParameterizedTest
    @ValueSource(strings = {"\u041aS 2022-03-09 § 70", "KS \uff12\uff10\uff12\uff12-03-09 § 70", "KS 2022-03-09 § \uff17\uff10",
            "KS 2022-03-09 $ 70", "KS 2022-03-09 S 70", "K\u0405 2022-03-09 § 70"})
    void lookalikeCitationIsRefused(String citation) {
        Response response = writesNothing(() -> api.post("strategy", REGISTER,
                "{\"citation\": \"" + citation + "\", \"title\": \"Förväxlingsbar\"}"));
        assertFieldError(response, "citation");
    }

    @Test
    void lookalikeOrganIsRefusedByName() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, """
                {"organ": "\u041aS", "meetingDate": "2022-03-09", "paragraph": 70, "title": "Kyrillisk"}"""));
        assertFieldError(response, "organ");
    }

    @Test
    void bodyOverTheLimitIsRefusedFromItsContentLength() {
        Response response = writesNothing(() -> api.post("strategy", REGISTER, largeRegistration()));
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void streamedBodyOverTheLimitIsRefusedWhileReading() {
        byte[] body = largeRegistration().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = raw.as("strategy", REGISTER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunks(body)));
        // Without a known length the client sends the body chunked, with no Content-Length.
        assertThat(request.build().bodyPublisher().orElseThrow().contentLength()).isNegative();

        Response response = writesNothing(() -> raw.send(request));
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    /** Refused before authentication is even looked at: an anonymous flood gets no further. */
    @Test
    void anonymousBodyOverTheLimitIsRefusedToo() {
        Response response = writesNothing(() -> api.post(null, REGISTER, largeRegistration()));
        assertThat(response.status()).isIn(401, 413);
        ProblemResponses.assertNoInternals(response);
    }

    @Test
    void textPlainIsAnUnsupportedMediaType() {
        Response response = writesNothing(() -> raw.send(raw.as("strategy", REGISTER)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Citations.registration(Citations.freshParagraph(), "Text")))));
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    /** The admin paths are open to STRATEGY for any method, so routing decides: 405, with Allow. */
    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "PUT", "GET"})
    void unmappedMethodOnAnAdminPathIsNotAllowed(String method) {
        Response response = writesNothing(() -> api.send("strategy", method, REGISTER,
                method.equals("PUT") ? "{}" : null, Map.of()));
        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("POST");
    }

    /**
     * Outside /api/admin only GET has a rule: any other method is denied before routing (deny by
     * default), so the answer is 403 whether or not the path exists, and reveals nothing about it.
     */
    @Test
    void methodWithoutAnyRuleIsForbiddenBeforeRouting() {
        Response response = writesNothing(() -> api.send("strategy", "DELETE", "/api/decisions", null, Map.of()));
        assertProblem(response, 403, "FORBIDDEN");
        Response unknown = api.send("strategy", "DELETE", "/api/no-such-thing", null, Map.of());
        assertProblem(unknown, 403, "FORBIDDEN");
    }

    @Test
    void unknownPathIsNotFoundForAReader() {
        assertProblem(api.get("auditor", "/api/no-such-thing"), 404, "NOT_FOUND");
        assertProblem(api.get("auditor", "/api/decisions/ks-2022-03-09-p70/no-such-thing"), 404, "NOT_FOUND");
    }

    /** Spring Security's firewall refuses these before authentication; a valid caller still gets 400, not 401. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/decisions/%2e%2e/admin/decisions", "/api/decisions;jsessionid=0123", "//api/decisions",
            "/api/decisions/%252e%252e"})
    void urlRefusedByTheFirewallIsABadRequest(String path) {
        assertProblem(api.get("auditor", path), 400, "VALIDATION_FAILED");
        assertProblem(api.post("strategy", path.replace("/api/decisions", "/api/admin/decisions"), "{}"), 400, "VALIDATION_FAILED");
    }

    /**
     * Refused by Tomcat itself, before the application sees the request: the container's own
     * minimal page, not a problem detail, but with the right status and nothing internal in it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/decisions/a%2Fb", "/api/decisions/%00", "/api/decisions/a%5Cb"})
    void urlRefusedByTheContainerIsABadRequestRevealingNothing(String path) {
        Response response = raw.send(raw.as("auditor", path).GET());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        ProblemResponses.assertNoInternals(response);
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void unauthenticatedForbiddenAndTooLargeNameTheRequestTheyAnswer() {
        assertThat(assertProblem(api.get(null, "/api/decisions"), 401, "UNAUTHENTICATED").path("instance").asText())
                .isEqualTo("/api/decisions");
        assertThat(assertProblem(api.post("auditor", REGISTER, "{}"), 403, "FORBIDDEN").path("instance").asText())
                .isEqualTo(REGISTER);
        assertThat(assertProblem(api.post("strategy", REGISTER, largeRegistration()), 413, "PAYLOAD_TOO_LARGE")
                .path("instance").asText()).isEqualTo(REGISTER);
    }

    /** A client that only expects to read errors still learns the real status, not a 406. */
    @Test
    void acceptNamingOnlyProblemJsonGetsTheRealStatus() {
        Map<String, String> problemsOnly = Map.of("Accept", "application/problem+json");
        assertProblem(api.send("auditor", "GET", "/api/decisions/kf-1901-01-01-p1", null, problemsOnly), 404, "NOT_FOUND");
        int paragraph = Citations.freshParagraph();
        assertThat(api.post("strategy", REGISTER, Citations.registration(paragraph, "Först")).status()).isEqualTo(201);
        assertProblem(api.send("strategy", "POST", REGISTER, Citations.registration(paragraph, "Igen"), problemsOnly),
                409, "DUPLICATE_DECISION");
    }

    /** The type of a problem is a page anyone can open: what it means and what to do, in Swedish and English. */
    @Test
    void problemTypeIsAPageAPersonCanOpen() {
        JsonNode problem = assertProblem(api.get("auditor", "/api/decisions/kf-1901-01-01-p1"), 404, "NOT_FOUND");
        Response page = api.get(null, problem.path("type").asText());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("NOT_FOUND", "Vad det betyder", "Vad du gör", "What it means", "What to do",
                "Det finns inget sådant i registret");
        assertThat(api.get(null, "/problem/no-such-problem").status()).isEqualTo(404);
    }

    @Test
    void unknownDecisionIsNotFound() {
        assertProblem(api.get("auditor", "/api/decisions/kf-1901-01-01-p1"), 404, "NOT_FOUND");
    }

    @Test
    void duplicateDecisionIsAConflict() {
        int paragraph = Citations.freshParagraph();
        Response first = api.post("strategy", REGISTER, Citations.registration(paragraph, "Först"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Response again = writesNothing(() -> api.post("strategy", REGISTER,
                "{\"citation\": \"ks 2022-03-09 §" + paragraph + "\", \"title\": \"Igen\"}"));
        assertProblem(again, 409, "DUPLICATE_DECISION");
    }

    @Test
    void unexpectedErrorIsAPlain500() {
        Response response = api.get("auditor", DeliberatelyFailingEndpoint.PATH);
        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain(DeliberatelyFailingEndpoint.SECRET_TABLE, "password_hash", "select",
                "postgres", "Hikari", "jdbc");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }

    private Response writesNothing(Supplier<Response> request) {
        long before = events.count();
        Response response = request.get();
        assertThat(events.count()).as("events after %s", response).isEqualTo(before);
        return response;
    }

    private static String largeRegistration() {
        return Citations.registration(Citations.freshParagraph(), "x".repeat(OVER_THE_LIMIT));
    }

    private static InputStream chunks(byte[] body) {
        List<InputStream> parts = new java.util.ArrayList<>();
        for (int offset = 0; offset < body.length; offset += 8192) {
            parts.add(new ByteArrayInputStream(body, offset, Math.min(8192, body.length - offset)));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
