package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.standalone.security.ProblemResponses.assertProblem;

/**
 * JWT login against a JWK set served by the test itself (a JDK HTTP server on 127.0.0.1 with an
 * RSA key generated here): only a token signed by the issuer's key, for this audience, from this
 * issuer and valid now is accepted, and its subject is who the events say did it.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = {
        "malspar.security.mode=jwt",
        "malspar.security.jwt.issuer=" + JwtLoginTest.ISSUER,
        "malspar.security.jwt.audience=" + JwtLoginTest.AUDIENCE,
        // the pages' OpenID Connect login, with the provider's endpoints named (no discovery call)
        "spring.security.oauth2.client.registration.malspar.client-id=malspar-pages",
        "spring.security.oauth2.client.registration.malspar.client-secret=test-secret",
        "spring.security.oauth2.client.registration.malspar.scope=openid",
        "spring.security.oauth2.client.registration.malspar.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.malspar.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.malspar.authorization-uri=" + JwtLoginTest.ISSUER + "/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.malspar.token-uri=" + JwtLoginTest.ISSUER + "/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.malspar.jwk-set-uri=" + JwtLoginTest.ISSUER + "/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.malspar.user-name-attribute=sub"})
class JwtLoginTest {

    static final String ISSUER = "https://login.malspar.test/realms/malspar";
    static final String AUDIENCE = "malspar-api";
    private static final String KEY_ID = "malspar-test-key";

    private static final RSAKey ISSUER_KEY = rsaKey(KEY_ID);
    /** Same key id, another key: what a forger without the issuer's private key has. */
    private static final RSAKey FORGER_KEY = rsaKey(KEY_ID);
    private static final HttpServer JWK_SET = serve(new JWKSet(ISSUER_KEY.toPublicJWK()));

    @DynamicPropertySource
    static void jwkSetUri(DynamicPropertyRegistry registry) {
        registry.add("malspar.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWK_SET.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stopJwkSet() {
        JWK_SET.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aPageSendsAPersonThroughTheOpenIdConnectProvider() {
        Response page = api.send(null, "GET", "/program/x", null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(api.get(null, "/login").body()).contains("/oauth2/authorization/malspar");
        Response start = api.get(null, "/oauth2/authorization/malspar");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).startsWith(ISSUER + "/protocol/openid-connect/auth?")
                .contains("client_id=malspar-pages", "scope=openid", "response_type=code",
                        "login/oauth2/code/malspar");
    }

    @Test
    void validTokenWithAReadingRoleMayRead() {
        Response response = get(signed(ISSUER_KEY, claims -> claims));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        assertUnauthenticated(get(signed(FORGER_KEY, claims -> claims)));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertUnauthenticated(get(new PlainJWT(claims(claims -> claims)).serialize()));
    }

    /** Algorithm confusion: the issuer's public key used as an HMAC secret. */
    @Test
    void tokenSignedWithThePublicKeyAsHmacSecretIsRefused() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(),
                claims(claims -> claims));
        jwt.sign(new MACSigner(ISSUER_KEY.toRSAPublicKey().getEncoded()));
        assertUnauthenticated(get(jwt.serialize()));
    }

    @Test
    void expiredTokenIsRefused() {
        Instant now = Instant.now();
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(10)))))));
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims.expirationTime(null))));
    }

    @Test
    void tokenLivingLongerThanTheMaximumLifetimeIsRefused() {
        Instant now = Instant.now();
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims
                .expirationTime(Date.from(now.plus(Duration.ofDays(365)))))));
    }

    @Test
    void aSubjectThatIsNoSaneUserIdIsRefusedAndNothingIsWritten() {
        long before = new EventStore(jdbc).count();
        for (String subject : List.of("x".repeat(5000), "anna\r\nuserId: strategy", "anna revision", "")) {
            assertUnauthenticated(post(signed(ISSUER_KEY, claims -> claims.subject(subject).claim("roles", List.of("STRATEGY"))),
                    Citations.registration(Citations.freshParagraph(), "Konstigt subjekt")));
        }
        assertThat(new EventStore(jdbc).count()).isEqualTo(before);
    }

    @Test
    void aRoleSpelledWithATurkishDotlessIGrantsNothing() {
        assertProblem(get(signed(ISSUER_KEY, claims -> claims.claim("roles", List.of("AUD\u0130TOR", "aud\u0131tor")))),
                403, "FORBIDDEN");
    }

    @Test
    void tokenNotYetValidIsRefused() {
        Instant now = Instant.now();
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30)))))));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims.issuer("https://login.elsewhere.test/realms/malspar"))));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims.audience("another-api"))));
    }

    @Test
    void tokenWithoutAudienceIsRefused() {
        assertUnauthenticated(get(signed(ISSUER_KEY, claims -> claims.audience((String) null))));
    }

    /** Tokens travel in the Authorization header only, never in a URL (where logs and proxies keep them). */
    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        assertUnauthenticated(api.get(null, "/api/decisions?access_token=" + signed(ISSUER_KEY, claims -> claims)));
    }

    /** Without a subject there is nobody to record as having done it. */
    @Test
    void tokenWithoutSubjectMayNotWrite() {
        long before = events().count();
        Response response = post(signed(ISSUER_KEY, claims -> claims.subject(null).claim("roles", List.of("STRATEGY"))),
                Citations.registration(Citations.freshParagraph(), "Utan subjekt"));
        // Refused at login already: a token without the user-id claim names nobody, not even for reads.
        assertThat(get(signed(ISSUER_KEY, claims -> claims.subject(null).claim("roles", List.of("AUDITOR")))).status()).isEqualTo(401);
        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(events().count()).isEqualTo(before);
    }

    @Test
    void missingOrGarbledTokenIsRefused() {
        assertUnauthenticated(api.get(null, "/api/decisions"));
        assertUnauthenticated(get("not-a-jwt"));
    }

    /** Basic login is off in JWT mode, even for the demo users. */
    @Test
    void basicCredentialsAreNotAcceptedInJwtMode() {
        assertUnauthenticated(api.get("auditor", "/api/decisions"));
    }

    @Test
    void tokenWhoseRoleMayNotWriteIsForbiddenToWrite() {
        long before = events().count();
        Response response = post(signed(ISSUER_KEY, claims -> claims.claim("roles", List.of("AUDITOR", "REVISOR"))),
                Citations.registration(Citations.freshParagraph(), "Får inte skrivas"));
        assertProblem(response, 403, "FORBIDDEN");
        assertThat(events().count()).isEqualTo(before);
    }

    @Test
    void rolesTheContractDoesNotKnowGrantNothing() {
        Response response = get(signed(ISSUER_KEY, claims -> claims.claim("roles", List.of("ADMIN", "ROLE_SUPERUSER"))));
        assertProblem(response, 403, "FORBIDDEN");
    }

    /** With the default roles claim, Keycloak's nested realm_access.roles is not read (see JwtLoginRolesTest). */
    @Test
    void rolesInAnotherClaimThanTheConfiguredOneGrantNothing() {
        Response response = get(signed(ISSUER_KEY, claims -> claims
                .claim("roles", null)
                .claim("realm_access", Map.of("roles", List.of("AUDITOR")))));
        assertProblem(response, 403, "FORBIDDEN");
    }

    @Test
    void strategyTokenWritesAndItsSubjectIsRecordedAsTheUser() {
        String subject = "kerstin.strateg-" + UUID.randomUUID();
        int paragraph = Citations.freshParagraph();
        Response response = post(signed(ISSUER_KEY, claims -> claims.subject(subject).claim("roles", List.of("STRATEGY"))),
                Citations.registration(paragraph, "Beslut registrerat med JWT"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);

        List<JsonNode> metaData = events().metaDataOf(Citations.decisionId(paragraph));
        assertThat(metaData).hasSize(1);
        assertThat(metaData.get(0).path("userId").asText()).isEqualTo(subject);
        assertThat(metaData.get(0).path("loginMode").asText()).isEqualTo("jwt");
    }

    private EventStore events() {
        return new EventStore(jdbc);
    }

    private Response get(String token) {
        return api.send(null, "GET", "/api/decisions", null, Map.of("Authorization", "Bearer " + token));
    }

    private Response post(String token, String json) {
        return api.send(null, "POST", "/api/admin/decisions", json, Map.of("Authorization", "Bearer " + token));
    }

    private static void assertUnauthenticated(Response response) {
        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /** A token the issuer would give an auditor, changed by {@code customise}. */
    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> customise) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims(customise));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> customise) {
        Instant now = Instant.now();
        return customise.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("anna.revision")
                .claim("roles", List.of("AUDITOR"))
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())).build();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = jwkSet.toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
