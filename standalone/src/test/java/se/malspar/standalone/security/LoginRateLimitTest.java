package se.malspar.standalone.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.standalone.security.ProblemResponses.assertProblem;

/**
 * Failed logins are limited per user name and per client address: past the limit, 429 with
 * Retry-After before any password is checked, even a right one. An unknown user name is checked
 * against a dummy hash of the users' own bcrypt cost, so it takes as long as a wrong password.
 * (Own context with small limits: the address limit would otherwise hold up other tests.)
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = {
        "malspar.security.login-rate-limit.failures-per-user=3",
        "malspar.security.login-rate-limit.failures-per-address=8",
        "malspar.security.login-rate-limit.window=10m"})
class LoginRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    PasswordEncoder passwordEncoder;

    private Response as(ApiClient api, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(null, "GET", "/api/decisions", null, Map.of("Authorization", "Basic " + basic));
    }

    @Test
    void failedLoginsAreLimitedPerUserNameAndThenPerAddress() {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 3; i++) {
            assertProblem(as(api, "revisor", "fel-" + i), 401, "UNAUTHENTICATED");
        }
        // The name is locked: even its right password is not tried now.
        Response locked = as(api, "revisor", MalsparApplicationTest.DEMO_PASSWORD);
        assertProblem(locked, 429, "TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 600L);
        // Other names still log in.
        assertThat(as(api, "auditor", MalsparApplicationTest.DEMO_PASSWORD).status()).isEqualTo(200);
        // Unknown names count against the address: 3 failures so far, 5 more fill it.
        for (int i = 0; i < 5; i++) {
            assertProblem(as(api, "okand-" + i, "x"), 401, "UNAUTHENTICATED");
        }
        assertProblem(as(api, "okand-99", "x"), 429, "TOO_MANY_REQUESTS");
        assertProblem(as(api, "auditor", MalsparApplicationTest.DEMO_PASSWORD), 429, "TOO_MANY_REQUESTS");
        // Without credentials there is nothing to limit: still the plain 401.
        assertProblem(api.get(null, "/api/decisions"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnknownUserIsCheckedAgainstAHashOfTheUsersOwnCost() {
        // The demo users' hashes are bcrypt cost 6; Spring's dummy hash for unknown names comes from this encoder.
        assertThat(passwordEncoder.encode("x")).startsWith("{bcrypt}$2a$06$");
    }
}
