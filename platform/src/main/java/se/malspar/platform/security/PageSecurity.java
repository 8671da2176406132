package se.malspar.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web pages (API.md "Web pages") are for people in a browser: a form login with a session and
 * CSRF protection, in front of the stateless API chain ({@link SecurityConfiguration}). The roles
 * are the API's: every reader may read every page; only a revisor may record a verification;
 * revisors and auditors see the revision list and download audit packs; operators see integrity.
 * In {@code jwt} mode a person logs in through OpenID Connect (Spring Security's OAuth2 login,
 * registration {@code malspar} from {@code spring.security.oauth2.client.*}); the roles come from
 * the same claim the API reads ({@code malspar.security.jwt.roles-claim}).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    private static final Logger log = LoggerFactory.getLogger(PageSecurity.class);

    /** Every path the pages own; everything else stays with the API chain. */
    static final String[] PAGE_PATHS = {"/", "/login", "/logout", "/assets/**", "/program/**", "/matvarden/**",
            "/beslut", "/beslut/**", "/granskning", "/granskning/**", "/integritet", "/integritet/**",
            "/handelser", "/handelser/**", "/nekad", "/oauth2/**", "/login/oauth2/**", "/problem/**"};

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, MalsparSecurityProperties properties,
                              VerifiedCredentials verifiedCredentials, JwtLogin jwtLogin,
                              ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        String[] readers = {Role.STRATEGY.name(), Role.AUDITOR.name(), Role.REVISOR.name()};
        http.securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/login", "/assets/**").permitAll()
                        .requestMatchers("/nekad").permitAll()
                        // What a problem's type means is public: a client shows it before anyone logs in.
                        .requestMatchers(HttpMethod.GET, "/problem/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/beslut/*/verifieringar").hasRole(Role.REVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/integritet/verifieringar")
                        .hasAnyRole(Role.REVISOR.name(), Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/granskning", "/granskning/**", "/beslut/*/granskningspaket")
                        .hasAnyRole(Role.REVISOR.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/integritet", "/integritet/**")
                        .hasAnyRole(Role.STRATEGY.name(), Role.AUDITOR.name(), Role.REVISOR.name(), Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/", "/program/**", "/matvarden/**", "/beslut", "/beslut/**",
                                "/handelser", "/handelser/**").hasAnyRole(readers)
                        .anyRequest().denyAll())
                // CSRF stays on (the default, a token kept in the session): every form carries it.
                // A refusal (wrong role, missing CSRF token) is a Swedish page with 403, rendered in place:
                // the container's error dispatch would reach the API chain and answer 401 with a Basic challenge.
                .exceptionHandling(e -> e.accessDeniedHandler(refused()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?utloggad"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31536000)));

        if (properties.mode() == MalsparSecurityProperties.Mode.JWT) {
            ClientRegistrationRepository repository = registrations.getIfAvailable();
            if (repository == null) {
                // The API works without it; the pages then only show the login page, which says why.
                log.warn("jwt mode without the OpenID Connect registration 'malspar': nobody can log in to the pages "
                        + "(SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_MALSPAR_ISSUER_URI, "
                        + "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_MALSPAR_CLIENT_ID, …_CLIENT_SECRET, …_SCOPE=openid)");
                http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            } else {
                http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                        .clientRegistrationRepository(repository)
                        .userInfoEndpoint(user -> user.userAuthoritiesMapper(oidcRoles(jwtLogin))));
            }
        } else {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?fel"));
            // Basic credentials also open a page (curl, the role matrix); a browser gets the login form.
            http.httpBasic(basic -> { });
            http.authenticationProvider(verifiedCredentials);
        }
        return http.build();
    }

    private static AccessDeniedHandlerImpl refused() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/nekad");
        return handler;
    }

    /** An OpenID Connect login gets exactly the roles the API would give its token: the same claim, the same four roles. */
    static GrantedAuthoritiesMapper oidcRoles(JwtLogin jwtLogin) {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>();
            for (GrantedAuthority authority : authorities) {
                // OidcUserAuthority's attributes are the ID token's claims merged with the user info.
                if (authority instanceof OAuth2UserAuthority user && !user.getAttributes().isEmpty()) {
                    Map<String, Object> claims = user.getAttributes();
                    mapped.addAll(jwtLogin.roles(Jwt.withTokenValue("oidc").header("alg", "none").claims(c -> c.putAll(claims)).build()));
                }
            }
            return mapped;
        };
    }
}
