package se.malspar.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where JWT login finds the roles: a configurable dot path, so a Keycloak layout
 * ({@code realm_access.roles}) works as well as a flat {@code roles} claim. Only the four roles
 * of the contract are granted. (JwtLogin is package-private, hence a unit test here; the whole
 * JWT login is tested end to end in the standalone module's JwtLoginTest.)
 */
class JwtLoginRolesTest {

    @Test
    void keycloakRealmRolesAreReadFromTheConfiguredNestedClaim() {
        JwtLogin login = login("realm_access.roles");
        Jwt token = token(Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "REVISOR", "uma_authorization")),
                "resource_access", Map.of("malspar-api", Map.of("roles", List.of("STRATEGY")))));

        assertThat(authorities(login, token)).containsExactly("ROLE_REVISOR");
        assertThat(login.converter().convert(token).getName()).isEqualTo("anna.revision");
    }

    @Test
    void aFlatRolesClaimIsNotReadWhenTheNestedOneIsConfigured() {
        assertThat(authorities(login("realm_access.roles"), token(Map.of("roles", List.of("STRATEGY"))))).isEmpty();
    }

    @Test
    void defaultRolesClaimAcceptsAListOrASpaceOrCommaSeparatedString() {
        assertThat(authorities(login("roles"), token(Map.of("roles", List.of("AUDITOR", "ROLE_OPERATOR")))))
                .containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_OPERATOR");
        assertThat(authorities(login("roles"), token(Map.of("roles", "STRATEGY, REVISOR"))))
                .containsExactlyInAnyOrder("ROLE_STRATEGY", "ROLE_REVISOR");
    }

    @Test
    void roleNamesMatchExactlyWithoutCaseFolding() {
        // "audıtor" with the Turkish dotless ı upper-cases to AUDITOR; lower case is another name too.
        assertThat(authorities(login("roles"), token(Map.of("roles",
                List.of("aud\u0131tor", "auditor", "Strategy", "role_revisor", "ROLE_operator"))))).isEmpty();
    }

    @Test
    void unknownRolesAndMissingClaimsGrantNothing() {
        assertThat(authorities(login("roles"), token(Map.of("roles", List.of("ADMIN", "ROLE_ROLE_STRATEGY", "superuser"))))).isEmpty();
        assertThat(authorities(login("realm_access.roles"), token(Map.of("realm_access", "STRATEGY")))).isEmpty();
        assertThat(authorities(login("realm_access.roles"), token(Map.of()))).isEmpty();
    }

    private static JwtLogin login(String rolesClaim) {
        return new JwtLogin(new MalsparSecurityProperties.Jwt(null, null, null, rolesClaim, "sub",
                java.time.Duration.ofHours(2)));
    }

    private static List<String> authorities(JwtLogin login, Jwt token) {
        return login.converter().convert(token).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("anna.revision")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
