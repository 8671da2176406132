package se.malspar.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who logs in to the pages through OpenID Connect gets exactly the roles the API would
 * give a token with the same claims: the configured claim, the four roles, nothing else (the
 * provider's own scopes and authorities grant nothing; a role must be spelled exactly as the API spells it).
 */
class OpenIdConnectRolesTest {

    @Test
    void theRolesComeFromTheConfiguredClaimOfTheIdToken() {
        MalsparSecurityProperties.Jwt settings = new MalsparSecurityProperties.Jwt(null, null, null,
                "realm_access.roles", "sub", java.time.Duration.ofHours(2));
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), Map.of(
                "sub", "anna.revision", "realm_access", Map.of("roles", List.of("REVISOR", "revisor", "offline_access"))));

        List<String> roles = PageSecurity.oidcRoles(new JwtLogin(settings))
                .mapAuthorities(List.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("SCOPE_openid")))
                .stream().map(GrantedAuthority::getAuthority).toList();

        assertThat(roles).containsExactly("ROLE_REVISOR");
    }

    @Test
    void aLoginWithoutTheClaimHasNoRole() {
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "okand"));
        assertThat(PageSecurity.oidcRoles(new JwtLogin(new MalsparSecurityProperties.Jwt(null, null, null, "roles", "sub", java.time.Duration.ofHours(2))))
                .mapAuthorities(List.of(new OidcUserAuthority(idToken)))).isEmpty();
    }
}
