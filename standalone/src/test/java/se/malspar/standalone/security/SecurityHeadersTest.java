package se.malspar.standalone.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser-facing hardening headers on every kind of answer, no session, and no CORS unless configured. */
@SecurityTestApplication
class SecurityHeadersTest {

    private static final String EVIL_ORIGIN = "https://evil.example";

    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesTheHardeningHeadersAndNoCookie() {
        ApiClient api = new ApiClient(port);
        List<Response> answers = List.of(
                api.get("auditor", "/api/decisions"),
                api.get(null, "/api/decisions"),
                api.get("operator", "/api/decisions"),
                api.get("auditor", "/api/no-such-thing"),
                api.post("strategy", "/api/admin/decisions", "{}"),
                api.get(null, "/actuator/health"));
        assertThat(answers).extracting(Response::status).containsExactly(200, 401, 403, 404, 400, 200);
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as("nosniff on %s", answer).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as("frame options on %s", answer).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as("CSP on %s", answer)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(answer.header("Referrer-Policy")).as("referrer policy on %s", answer).isEqualTo("no-referrer");
            assertThat(answer.raw().headers().allValues("Set-Cookie")).as("cookies on %s", answer).isEmpty();
        }
    }

    /** Stateless: each request authenticates itself; a session cookie, even a guessed one, counts for nothing. */
    @Test
    void noSessionIsKeptBetweenRequests() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("auditor", "/api/decisions").raw().headers().allValues("Set-Cookie")).isEmpty();
        Response withCookie = api.send(null, "GET", "/api/decisions", null, Map.of("Cookie", "JSESSIONID=0123456789ABCDEF"));
        assertThat(withCookie.status()).isEqualTo(401);
    }

    @Test
    void corsPreflightFromAnOriginGetsNoAllowOriginWhenNoneIsConfigured() {
        RawRequests raw = new RawRequests(port);
        Response preflight = raw.send(raw.anonymous("/api/decisions")
                .header("Origin", EVIL_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.header("Access-Control-Allow-Origin")).as(preflight.toString()).isNull();
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Response preflightForWrite = raw.send(raw.anonymous("/api/admin/decisions")
                .header("Origin", EVIL_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflightForWrite.header("Access-Control-Allow-Origin")).as(preflightForWrite.toString()).isNull();

        Response read = raw.send(raw.as("auditor", "/api/decisions").header("Origin", EVIL_ORIGIN).GET());
        assertThat(read.header("Access-Control-Allow-Origin")).as(read.toString()).isNull();
    }
}
