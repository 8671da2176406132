package se.malspar.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the RFC 9457 problem details of API.md: {@code type}, {@code title}, {@code status},
 * {@code detail}, a machine-readable {@code code} and, for field errors, {@code errors}.
 */
public final class Problems {

    /** The HTTP status of each refusal code; a code not listed is a 422 (understood, but refused). */
    private static final Map<String, HttpStatus> STATUS = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", HttpStatus.BAD_REQUEST),
            Map.entry("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED),
            Map.entry("FORBIDDEN", HttpStatus.FORBIDDEN),
            Map.entry("NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("METHOD_NOT_ALLOWED", HttpStatus.METHOD_NOT_ALLOWED),
            Map.entry("NOT_ACCEPTABLE", HttpStatus.NOT_ACCEPTABLE),
            Map.entry("DUPLICATE_DECISION", HttpStatus.CONFLICT),
            Map.entry("DUPLICATE_NAME", HttpStatus.CONFLICT),
            Map.entry("ALREADY_EXISTS", HttpStatus.CONFLICT),
            Map.entry("CONFLICT", HttpStatus.CONFLICT),
            Map.entry("VERSION_CONFLICT", HttpStatus.CONFLICT),
            Map.entry("PERIOD_ALREADY_CLOSED", HttpStatus.CONFLICT),
            Map.entry("PERIOD_NOT_CLOSED", HttpStatus.CONFLICT),
            Map.entry("PRECONDITION_FAILED", HttpStatus.PRECONDITION_FAILED),
            Map.entry("PAYLOAD_TOO_LARGE", HttpStatus.PAYLOAD_TOO_LARGE),
            Map.entry("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry("SERVICE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("DATABASE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("KOLADA_UNAVAILABLE", HttpStatus.BAD_GATEWAY),
            Map.entry("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR));

    private Problems() {
    }

    public static HttpStatus statusOf(String code) {
        return STATUS.getOrDefault(code, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    public static ProblemDetail problem(String code, String detail) {
        HttpStatus status = statusOf(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The problem type: a page of Målspår a person can open ({@link ProblemTypePages}), given as a
     * reference relative to the host that answered, so it holds on every host and behind any proxy.
     */
    public static URI typeOf(String code) {
        return URI.create(ProblemTypePages.PATH + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The same problem, naming the request it answers ({@code instance}, RFC 9457 § 3.1.5). */
    public static ProblemDetail at(ProblemDetail problem, jakarta.servlet.http.HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = problem("VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** One entry of {@code errors}. */
    public record FieldError(String field, String message) {
    }
}
