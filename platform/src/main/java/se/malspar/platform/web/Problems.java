package se.malspar.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import se.malspar.kernel.common.Refusal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds the RFC 9457 problem details of API.md: {@code type}, {@code title}, {@code status},
 * {@code detail}, a machine-readable {@code code} and, for field errors, {@code errors}.
 */
public final class Problems {

    private Problems() {
    }

    /** The HTTP status of each refusal, the one place it is decided (a new refusal does not compile without one). */
    public static HttpStatus statusOf(Refusal refusal) {
        return switch (refusal) {
            case VALIDATION_FAILED -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case DUPLICATE_DECISION, DUPLICATE_NAME, ALREADY_EXISTS, CONFLICT, VERSION_CONFLICT, PERIOD_ALREADY_CLOSED,
                 PERIOD_NOT_CLOSED -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case KOLADA_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            // Understood, but refused by a rule of the register.
            case IDEMPOTENCY_KEY_REUSED, AMBITION_RULE_CONFLICT, DECISION_LACKS_COMPETENCE, DECISION_NOT_ADOPTED,
                 DECISION_ALREADY_ADOPTED, DECISION_NOT_REGISTERED, DELMAL_RETIRED, DUPLICATE_CHANGE,
                 EFFECTIVE_DATE_UNKNOWN, INDICATOR_RETIRED, NOTHING_TO_CHANGE, NOTHING_TO_CORRECT,
                 TARGET_NOT_POLITICAL, TREE_SIZE_BEFORE_FIRST_CHANGE, TREE_SIZE_NOT_SIGNED, INDICATOR_PLANNED,
                 AMBITION_REVIEW_UNDER_WAY, NO_AMBITION_REVIEW, NO_SUCH_CHANGE, PERIOD_CLOSED ->
                    HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    public static ProblemDetail problem(Refusal refusal, String detail) {
        HttpStatus status = statusOf(refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(refusal.name()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", refusal.name());
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
        ProblemDetail problem = problem(Refusal.VALIDATION_FAILED, detail);
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
