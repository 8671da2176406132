package se.malspar.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a login must pass before any role counts: token lifetime, user id, bcrypt cost, the user name read for rate limiting. */
class LoginRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Jwt token(Instant issuedAt, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("anna");
        if (issuedAt != null) {
            builder.issuedAt(issuedAt);
        }
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }

    private static boolean accepted(Jwt token) {
        return !JwtLogin.limitedLifetime(Duration.ofHours(2), CLOCK).validate(token).hasErrors();
    }

    @Test
    void aTokenMustExpireWithinTheMaximumLifetime() {
        assertThat(accepted(token(NOW, null))).as("no exp: would never expire").isFalse();
        assertThat(accepted(token(null, null))).isFalse();
        assertThat(accepted(token(NOW, NOW.plus(Duration.ofMinutes(5))))).isTrue();
        assertThat(accepted(token(null, NOW.plus(Duration.ofHours(2))))).isTrue();
        assertThat(accepted(token(NOW, NOW.plus(Duration.ofDays(3650))))).isFalse();
        assertThat(accepted(token(null, NOW.plus(Duration.ofHours(3))))).isFalse();
        // Issued long ago with a long life, still valid now: refused for its lifetime.
        assertThat(accepted(token(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofMinutes(5))))).isFalse();
    }

    @Test
    void aUserIdIsShortAndFromTheDocumentedCharacters() {
        for (String good : List.of("anna.revision", "kerstin.strateg-1", "auth0|5f7c8ec7c33c6c004bbafe82",
                "f47ac10b-58cc-4372-a567-0e02b2c3d479", "anna@vaggeryd.se", "a".repeat(128))) {
            assertThat(JwtLogin.USER_ID.matcher(good).matches()).as(good).isTrue();
        }
        for (String bad : List.of("", "a".repeat(129), "anna\r\nuserId=admin", "anna revision", "anna\u0000",
                "aud\u0131tor", "anna\u202E", "x".repeat(5000))) {
            assertThat(JwtLogin.USER_ID.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    @Test
    void theDummyHashCostIsTheUsersCostAndMixedCostsAreRefused() {
        assertThat(SecurityConfiguration.bcryptCost(List.of("{bcrypt}$2a$06$abcdefghijklmnopqrstuv", "$2b$06$x"))).isEqualTo(6);
        assertThat(SecurityConfiguration.bcryptCost(List.of("$2y$12$x"))).isEqualTo(12);
        assertThat(SecurityConfiguration.bcryptCost(List.of())).isEqualTo(10);
        assertThatThrownBy(() -> SecurityConfiguration.bcryptCost(List.of("$2a$06$x", "$2a$10$y")))
                .hasMessageContaining("different costs");
    }

    @Test
    void theRateLimitReadsTheUserNameOfABasicHeaderOnly() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("anna:hemligt:med:kolon".getBytes());
        assertThat(LoginRateLimit.basicUserName(basic)).isEqualTo("anna");
        assertThat(LoginRateLimit.basicUserName("Bearer abc.def.ghi")).isNull();
        assertThat(LoginRateLimit.basicUserName("Basic !!!")).isNull();
        assertThat(LoginRateLimit.basicUserName("Basic " + Base64.getEncoder().encodeToString("utan-kolon".getBytes()))).isNull();
    }
}
