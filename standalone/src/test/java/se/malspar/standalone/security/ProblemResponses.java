package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import se.malspar.platform.test.ApiClient.Response;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error response of the API must look like, and must never contain. */
final class ProblemResponses {

    /** Traces of internals: exception and class names, stack frames, SQL. */
    static final List<String> INTERNALS = List.of("Exception", "at se.malspar", "org.", "SQL", "java.");

    private ProblemResponses() {
    }

    /** An RFC 9457 problem with the given status and code, and nothing internal in it. */
    static JsonNode assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("Content-Type of %s", response).isNotNull();
        assertThat(MediaType.parseMediaType(response.header("Content-Type")).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("Content-Type %s of %s", response.header("Content-Type"), response).isTrue();
        assertNoInternals(response);
        JsonNode problem = response.json();
        assertThat(problem.hasNonNull("type")).as("type in %s", response).isTrue();
        assertThat(problem.hasNonNull("title")).as("title in %s", response).isTrue();
        assertThat(problem.path("status").asInt()).as("status in %s", response).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail in %s", response).isNotBlank();
        assertThat(problem.path("code").asText()).as("code in %s", response).isEqualTo(code);
        assertThat(problem.path("type").asText()).as("type in %s", response)
                .isEqualTo("/problem/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(problem.path("instance").asText()).as("instance in %s", response).startsWith("/");
        return problem;
    }

    /** A 400 VALIDATION_FAILED whose {@code errors} name {@code field}, each error with a message. */
    static JsonNode assertFieldError(Response response, String field) {
        JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode errors = problem.path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as("errors in %s", response).isTrue();
        errors.forEach(error -> assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank());
        assertThat(StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("field").asText()))
                .as("fields named by %s", response).contains(field);
        return problem;
    }

    static void assertNoInternals(Response response) {
        assertThat(response.body()).as("body of %s", response).doesNotContain(INTERNALS);
    }
}
