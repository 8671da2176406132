package se.malspar.standalone.security;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import se.malspar.platform.security.Role;
import se.malspar.platform.test.ApiClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every request mapping the running application has (its controllers,
 * springdoc's and actuator's), checked against API.md's roles over real HTTP. The endpoints are
 * enumerated, never listed by hand: a new endpoint without a row in {@link #EXPECTATIONS} fails
 * here, by name.
 */
@SecurityTestApplication
class RoleMatrixTest {

    /** Path variables are filled with a plausible value; the answer only has to get past security. */
    private static final Map<String, String> PLAUSIBLE = Map.of(
            "decisionId", "ks-2022-03-09-p70",
            "programmeId", "shup-2020",
            "goalId", "KF4",
            "delmalId", "KF4-tillganglighet",
            "indicatorId", "KF4-tillganglighet-1",
            "name", "decision-register",
            "code", "not-found",
            "consultationId", "remiss-ambitionsniva-hosten-2020",
            "responseId", "vsbo-1",
            "period", "2021-AR");
    private static final String DEFAULT_VALUE = "ks-2022-03-09-p70";
    /** A mapping that accepts any method is checked with each of these. */
    private static final List<HttpMethod> ANY_METHOD = List.of(
            HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /**
     * API.md's "Roles" section as a table, read top to bottom: the first row whose method and
     * path match decides. Written from the contract, not copied from SecurityConfiguration.
     */
    private static final List<Expectation> EXPECTATIONS = List.of(
            Expectation.any("/actuator/health", "/actuator/health/**").isPublic(),
            Expectation.any("/actuator", "/actuator/**").roles(Role.OPERATOR),
            Expectation.any("/api/admin/projections", "/api/admin/projections/**").roles(Role.OPERATOR),
            // Issue 15: remiss rounds and answers, child-rights links (admin writes) and their reads.
            Expectation.any("/api/admin/consultations", "/api/admin/consultations/**", "/api/admin/goals/{goalId}/child-rights")
                    .roles(Role.STRATEGY),
            Expectation.any("/api/admin/**").roles(Role.STRATEGY),
            Expectation.get("/api/revision/decisions", "/api/revision/decisions/{decisionId}/pack")
                    .roles(Role.REVISOR, Role.AUDITOR),
            Expectation.any("/api/revision/**").roles(Role.REVISOR),
            Expectation.any("/api/integrity/verifications", "/api/integrity/verifications/**")
                    .roles(Role.REVISOR, Role.OPERATOR),
            Expectation.get("/api/consultations", "/api/consultations/**").roles(Role.STRATEGY, Role.AUDITOR, Role.REVISOR),
            Expectation.get("/api/**").roles(Role.STRATEGY, Role.AUDITOR, Role.REVISOR),
            Expectation.get("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                    .anyAuthenticated(),
            // Web pages (API.md "Web pages"): the readers' roles, form login; the login form and the assets are public.
            Expectation.get("/login", "/assets/**").isPublic(),
            // What a problem type means (its `type` URI) is readable before anyone logs in.
            Expectation.get("/problem/{code}").isPublic(),
            // where a refused page request is forwarded: the Swedish 403 page, to anyone, for any method
            Expectation.any("/nekad").csrfProtected(),
            Expectation.get("/granskning", "/beslut/{decisionId}/granskningspaket").roles(Role.REVISOR, Role.AUDITOR),
            Expectation.get("/integritet", "/integritet/**").roles(Role.STRATEGY, Role.AUDITOR, Role.REVISOR, Role.OPERATOR),
            // A page's form posts only with the session's CSRF token, which a bare request never has: 403 for
            // everyone here; PagesInBrowserTest records a verification as revisor with the token.
            Expectation.post("/beslut/{decisionId}/verifieringar", "/integritet/verifieringar").csrfProtected(),
            Expectation.get("/", "/program/**", "/matvarden/**", "/beslut", "/beslut/**", "/handelser", "/handelser/**")
                    .roles(Role.STRATEGY, Role.AUDITOR, Role.REVISOR),
            // Spring Boot's error page is reached by the container's error dispatch, never as a request.
            Expectation.any("/error").nobody(),
            // Swagger UI is served from /swagger-ui/**; the webjar path is not used and stays closed.
            Expectation.get("/webjars/**").nobody(),
            // The static-resource fallback: there is no static content, so nobody gets anything from it.
            Expectation.mappedAs("/**").nobody());

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Test
    void everyEndpointAdmitsExactlyTheRolesOfTheContract() {
        List<Endpoint> endpoints = endpoints();
        ApiClient api = new ApiClient(port);
        SoftAssertions softly = new SoftAssertions();
        List<String> table = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Optional<Expectation> expectation = EXPECTATIONS.stream().filter(e -> e.matches(endpoint)).findFirst();
            if (expectation.isEmpty()) {
                softly.fail("no security expectation for %s %s (mapped as %s): add a row to API.md and to this table",
                        endpoint.method(), endpoint.path(), endpoint.pattern());
                continue;
            }
            StringBuilder row = new StringBuilder(endpoint.method() + " " + endpoint.path() + ":");
            for (String user : principals()) {
                ApiClient.Response response = api.send(user, endpoint.method().name(), endpoint.path(),
                        WITH_BODY.contains(endpoint.method()) ? "{}" : null, Map.of());
                row.append(' ').append(user == null ? "anonymous" : user).append('=').append(response.status());
                String what = "%s %s as %s -> %s".formatted(endpoint.method(), endpoint.path(),
                        user == null ? "anonymous" : user, response);
                Access access = expectation.get().access();
                if (access.csrfProtected()) {
                    softly.assertThat(response.status()).as(what).isEqualTo(403);
                } else if (user == null) {
                    if (access.isPublic()) {
                        softly.assertThat(response.status()).as(what).isNotIn(401, 403);
                    } else {
                        softly.assertThat(response.status()).as(what).isEqualTo(401);
                    }
                } else if (access.admits(Role.valueOf(user.toUpperCase()))) {
                    softly.assertThat(response.status()).as(what).isNotIn(401, 403);
                } else {
                    softly.assertThat(response.status()).as(what).isEqualTo(403);
                }
            }
            table.add(row.toString());
        }
        System.out.println("Role matrix:\n  " + String.join("\n  ", table));
        softly.assertAll();
    }

    /** Guards the enumeration itself: actuator's and springdoc's endpoints are in it, not only ours. */
    @Test
    void enumerationIncludesActuatorAndSpringdocEndpoints() {
        Set<String> paths = endpoints().stream().map(Endpoint::path).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actuatorEndpoints.getAllPaths()).isNotEmpty().allSatisfy(actuatorPath ->
                assertThat(paths).as("enumerated paths").anyMatch(path -> path.startsWith(actuatorPath)));
        assertThat(paths).contains("/v3/api-docs", "/swagger-ui/swagger-initializer.js", "/api/decisions", "/api/admin/decisions");
    }

    /** Probes need no login, and anonymous callers get the status only, never the components behind it. */
    @Test
    void healthIsPublicButRevealsNoDetailsToAnonymousCallers() {
        ApiClient api = new ApiClient(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            ApiClient.Response response = api.get(null, path);
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
            assertThat(response.json().path("status").asText()).as(response.toString()).isNotBlank();
            assertThat(response.json().has("components")).as(response.toString()).isFalse();
            assertThat(response.json().has("details")).as(response.toString()).isFalse();
        }
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void anEndpointWithoutAnExpectationIsNamed() {
        Endpoint unknown = new Endpoint(HttpMethod.POST, "/api/decisions/{decisionId}/likes", "/api/decisions/ks-2022-03-09-p70/likes");
        assertThat(EXPECTATIONS.stream().filter(e -> e.matches(unknown))).isEmpty();
        Endpoint operations = new Endpoint(HttpMethod.POST, "/api/admin/projections/{name}/replay", "/api/admin/projections/x/replay");
        assertThat(EXPECTATIONS.stream().filter(e -> e.matches(operations)).findFirst())
                .hasValueSatisfying(e -> assertThat(e.access().roles()).containsExactly(Role.OPERATOR));
    }

    private static List<String> principals() {
        List<String> principals = new ArrayList<>();
        principals.add(null);
        Arrays.stream(Role.values()).map(role -> role.name().toLowerCase()).forEach(principals::add);
        return principals;
    }

    /** Every (method, path) of every request mapping: controllers, springdoc and actuator alike. */
    private List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new java.util.LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                List<HttpMethod> methods = declared.isEmpty() ? ANY_METHOD
                        : declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                for (String pattern : info.getPatternValues()) {
                    for (HttpMethod method : methods) {
                        endpoints.add(new Endpoint(method, pattern, fill(pattern)));
                    }
                }
            }
        }
        // Resource handlers (Swagger UI's files, webjars, the static fallback) serve GET only.
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            for (String pattern : mapping.getHandlerMap().keySet()) {
                endpoints.add(new Endpoint(HttpMethod.GET, pattern, fill(pattern)));
            }
        }
        return endpoints.stream()
                .sorted(java.util.Comparator.comparing(Endpoint::path).thenComparing(e -> e.method().name()))
                .toList();
    }

    /** {@code /api/decisions/{decisionId}} → {@code /api/decisions/ks-2022-03-09-p70}; also {@code {*rest}} and {@code **}. */
    static String fill(String pattern) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int depth = 0;
                int end = i;
                for (; end < pattern.length(); end++) {
                    if (pattern.charAt(end) == '{') {
                        depth++;
                    } else if (pattern.charAt(end) == '}' && --depth == 0) {
                        break;
                    }
                }
                String name = pattern.substring(i + 1, end).replaceFirst("^\\*", "").replaceFirst(":.*$", "");
                path.append(PLAUSIBLE.getOrDefault(name, DEFAULT_VALUE));
                i = end + 1;
            } else if (c == '*') {
                int end = i;
                while (end < pattern.length() && pattern.charAt(end) == '*') {
                    end++;
                }
                boolean wholeSegment = (i == 0 || pattern.charAt(i - 1) == '/')
                        && (end == pattern.length() || pattern.charAt(end) == '/');
                // "**" or a whole-segment "*" takes a value; "*" inside a segment ("*swagger-initializer.js") matches nothing extra.
                if (wholeSegment || end - i > 1) {
                    path.append(DEFAULT_VALUE);
                }
                i = end;
            } else {
                path.append(c);
                i++;
            }
        }
        return path.toString();
    }

    record Endpoint(HttpMethod method, String pattern, String path) {
    }

    /**
     * Who may: nobody, the public, any authenticated user, or the listed roles; {@code csrfProtected}:
     * 403 to every caller here (a page form without its session's CSRF token, or the refusal page itself).
     */
    record Access(boolean isPublic, boolean anyAuthenticated, Set<Role> roles, boolean csrfProtected) {

        Access(boolean isPublic, boolean anyAuthenticated, Set<Role> roles) {
            this(isPublic, anyAuthenticated, roles, false);
        }

        boolean admits(Role role) {
            return isPublic || anyAuthenticated || roles.contains(role);
        }
    }

    record Expectation(Set<HttpMethod> methods, List<PathPattern> paths, Access access, String mappingPattern) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        static Expectation any(String... paths) {
            return new Expectation(Set.of(), parse(paths), null, null);
        }

        /** Matches a mapping by its declared pattern, for catch-all mappings that would match every path. */
        static Expectation mappedAs(String mappingPattern) {
            return new Expectation(Set.of(), List.of(), null, mappingPattern);
        }

        static Expectation get(String... paths) {
            return new Expectation(Set.of(HttpMethod.GET), parse(paths), null, null);
        }

        static Expectation post(String... paths) {
            return new Expectation(Set.of(HttpMethod.POST), parse(paths), null, null);
        }

        Expectation csrfProtected() {
            return new Expectation(methods, paths, new Access(false, false, Set.of(), true), mappingPattern);
        }

        private static List<PathPattern> parse(String... paths) {
            return Arrays.stream(paths).map(PARSER::parse).toList();
        }

        Expectation roles(Role... roles) {
            return new Expectation(methods, paths, new Access(false, false, EnumSet.copyOf(List.of(roles))), mappingPattern);
        }

        Expectation isPublic() {
            return new Expectation(methods, paths, new Access(true, false, Set.of()), mappingPattern);
        }

        Expectation anyAuthenticated() {
            return new Expectation(methods, paths, new Access(false, true, Set.of()), mappingPattern);
        }

        Expectation nobody() {
            return new Expectation(methods, paths, new Access(false, false, Set.of()), mappingPattern);
        }

        boolean matches(Endpoint endpoint) {
            if (mappingPattern != null) {
                return mappingPattern.equals(endpoint.pattern());
            }
            var path = org.springframework.http.server.PathContainer.parsePath(endpoint.path());
            return (methods.isEmpty() || methods.contains(endpoint.method()))
                    && paths.stream().anyMatch(p -> p.matches(path));
        }
    }
}
