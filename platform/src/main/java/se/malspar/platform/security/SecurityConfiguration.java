package se.malspar.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import se.malspar.kernel.common.Refusal;
import se.malspar.platform.web.Problems;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what: every path rule of API.md lives here, in one place. Anything not listed is
 * denied, so a new endpoint is closed until it is given a rule here (and the role matrix test
 * fails until it is).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(MalsparSecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, MalsparSecurityProperties properties, ObjectMapper objectMapper,
                            JwtLogin jwtLogin, VerifiedCredentials verifiedCredentials) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", properties.mode() == MalsparSecurityProperties.Mode.JWT
                    ? "Bearer" : "Basic realm=\"malspar\"");
            write(request, response, objectMapper, Problems.problem(Refusal.UNAUTHENTICATED,
                    "authentication is required (" + properties.mode().name().toLowerCase() + " login)"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(request, response, objectMapper,
                Problems.problem(Refusal.FORBIDDEN, "your role may not " + request.getMethod() + " " + request.getRequestURI()));

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/admin/projections", "/api/admin/projections/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.STRATEGY.name())
                        .requestMatchers(HttpMethod.GET, "/api/revision/decisions", "/api/revision/decisions/*/pack")
                        .hasAnyRole(Role.REVISOR.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/revision/**").hasRole(Role.REVISOR.name())
                        .requestMatchers("/api/integrity/verifications", "/api/integrity/verifications/**")
                        .hasAnyRole(Role.REVISOR.name(), Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(Role.STRATEGY.name(), Role.AUDITOR.name(), Role.REVISOR.name())
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").authenticated()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable()) // stateless API: no cookies, no session to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                        + "object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31536000)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));

        // Before any credential is checked: a name or address with too many failures is not even tried.
        http.addFilterBefore(new LoginRateLimit(properties.loginRateLimit(), objectMapper),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);

        if (properties.mode() == MalsparSecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.decoder(jwtLogin.decoder()).jwtAuthenticationConverter(jwtLogin.converter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
            http.authenticationProvider(verifiedCredentials);
        }
        return http.build();
    }

    /** bcrypt once per credential and TTL (malspar.security.verified-credentials-ttl, default 5 min; 0 turns it off). */
    @Bean
    VerifiedCredentials verifiedCredentials(UserDetailsService users, PasswordEncoder passwordEncoder, Clock clock,
                                            @Value("${malspar.security.verified-credentials-ttl:5m}") Duration ttl) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        // The dummy hash an unknown user name is checked against is made by this encoder: at the
        // users' own cost, a wrong name takes as long as a wrong password.
        dao.setPasswordEncoder(passwordEncoder);
        return new VerifiedCredentials(dao, clock, ttl);
    }

    /**
     * A URL the firewall refuses (encoded dot segments or slashes, ';', '//', …) is a 400 problem.
     * Without this the refusal went through the container's error dispatch, which is not
     * authenticated, and a caller with valid credentials got a misleading 401.
     */
    /**
     * No observation (timer and trace span) around each of Spring Security's filters, its
     * authentication and its authorization: measured at about a tenth of a write request's CPU, and
     * nothing reads them; {@code http_server_requests} already times every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper objectMapper) {
        return (request, response, e) -> {
            log.debug("request refused by the firewall: {}", e.getMessage());
            write(request, response, objectMapper, Problems.problem(Refusal.VALIDATION_FAILED,
                    "the request URL is not allowed (encoded or ambiguous path)"));
        };
    }

    @Bean
    JwtLogin jwtLogin(MalsparSecurityProperties properties) {
        return new JwtLogin(properties.jwt());
    }

    /**
     * bcrypt only, encoding at the one cost every configured hash has (see {@link #bcryptCost}):
     * Spring checks an unknown user name against a dummy hash this encoder makes, so its cost must
     * be the users' cost, or the time of a failed login tells whether the name exists.
     */
    @Bean
    PasswordEncoder passwordEncoder(MalsparSecurityProperties properties, Environment environment) {
        List<String> hashes = new ArrayList<>(properties.users().stream()
                .map(MalsparSecurityProperties.User::passwordHash).toList());
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            hashes.add(DemoUsers.hash("-"));
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(bcryptCost(hashes));
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", bcrypt));
        // Hashes configured without an {id} prefix are bcrypt.
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /** The cost all the hashes share (10, Spring's default, when there are none); mixed costs are refused. */
    static int bcryptCost(List<String> hashes) {
        java.util.Set<Integer> costs = new java.util.TreeSet<>();
        for (String hash : hashes) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:\\{bcrypt})?\\$2[aby]?\\$(\\d{2})\\$")
                    .matcher(hash == null ? "" : hash);
            if (m.find()) {
                costs.add(Integer.parseInt(m.group(1)));
            }
        }
        if (costs.size() > 1) {
            throw new IllegalStateException("the users' bcrypt hashes have different costs " + costs + "; give them one "
                    + "cost, so that a failed login takes as long for an unknown user name as for a known one");
        }
        return costs.isEmpty() ? 10 : costs.iterator().next();
    }

    @Bean
    UserDetailsService users(MalsparSecurityProperties properties, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        for (MalsparSecurityProperties.User user : properties.users()) {
            if (user.passwordHash() == null || !user.passwordHash().matches("^(\\{bcrypt})?\\$2[aby]?\\$.*")) {
                throw new IllegalStateException("user '" + user.username()
                        + "': malspar.security.users[].password-hash must be a bcrypt hash");
            }
            users.add(User.withUsername(user.username())
                    .password(user.passwordHash().startsWith("{") ? user.passwordHash() : "{bcrypt}" + user.passwordHash())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                    .build());
        }
        users.addAll(DemoUsers.of(environment));
        if (users.isEmpty() && properties.mode() == MalsparSecurityProperties.Mode.BASIC) {
            log.warn("basic login is on but no users are configured: every request will be refused "
                    + "(configure malspar.security.users or run with the 'demo' profile locally)");
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(MalsparSecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
            cors.setExposedHeaders(List.of("ETag", "Location", "X-Correlation-Id"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                      ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Problems.at(problem, request));
    }

    /** The demo users of the {@code demo} profile, one per role, for local use only. */
    static final class DemoUsers {

        /** A low bcrypt cost: these users exist only on a developer's machine. */
        static final int COST = 6;

        private DemoUsers() {
        }

        static String hash(String password) {
            return "{bcrypt}" + new BCryptPasswordEncoder(COST).encode(password);
        }

        static List<UserDetails> of(Environment environment) {
            if (!environment.acceptsProfiles(Profiles.of("demo"))) {
                return List.of();
            }
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("the demo users must never run in production: "
                        + "the 'demo' and 'prod' profiles are both active");
            }
            String password = environment.getProperty("malspar.security.demo-password");
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("the demo profile needs MALSPAR_DEMO_PASSWORD");
            }
            String hash = hash(password);
            List<UserDetails> users = new ArrayList<>();
            for (Role role : Role.values()) {
                users.add(User.withUsername(role.name().toLowerCase()).password(hash).roles(role.name()).build());
            }
            return users;
        }
    }
}
