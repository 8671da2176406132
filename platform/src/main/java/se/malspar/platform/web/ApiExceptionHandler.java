package se.malspar.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.InvalidCitationException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error of the API becomes a problem detail with a {@code code}. Nothing internal (stack
 * traces, SQL, class names) is ever written to a response; unexpected errors are logged here
 * with the correlation id and answered with a plain 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        return Problems.response(fromViolation(e.violation()));
    }

    /** A field the aggregate names first ("value must be …", "period '2021-T3' must be …"): also as errors[]. */
    private static final java.util.regex.Pattern FIELD_FIRST =
            java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9_.-]*)(?: '[^']*')? ((?:must|contains|is) .*)$",
                    java.util.regex.Pattern.DOTALL);

    static ProblemDetail fromViolation(RuleViolation violation) {
        if (violation.refusal() == Refusal.VALIDATION_FAILED) {
            java.util.regex.Matcher m = FIELD_FIRST.matcher(violation.message());
            if (m.matches()) {
                return Problems.validation(List.of(new Problems.FieldError(m.group(1), m.group(2))));
            }
        }
        ProblemDetail problem = Problems.problem(violation.refusal(), violation.message());
        String field = FIELD_OF_CODE.get(violation.code());
        if (field != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(field, violation.message())));
        }
        return problem;
    }

    /** Refusals about one field of the request whose code is not VALIDATION_FAILED: errors[] names it too. */
    private static final java.util.Map<String, String> FIELD_OF_CODE = java.util.Map.of(
            "PERIOD_CLOSED", "period", "PERIOD_ALREADY_CLOSED", "period", "PERIOD_NOT_CLOSED", "period");

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e, WebRequest request) {
        Optional<RuleViolation> violation = HandlerExecutionException.resolveDetails(e)
                .filter(RuleViolation.class::isInstance)
                .map(RuleViolation.class::cast);
        if (violation.isPresent()) {
            return Problems.response(fromViolation(violation.get()));
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return Problems.response(Problems.validation(List.of(new Problems.FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(InvalidCitationException.class)
    ResponseEntity<ProblemDetail> invalidCitation(InvalidCitationException e) {
        return Problems.response(Problems.problem(Refusal.VALIDATION_FAILED, e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.response(Problems.problem(Refusal.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return Problems.response(Problems.problem(Refusal.NOT_FOUND, "no such entry: " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return Problems.response(Problems.problem(Refusal.PRECONDITION_FAILED,
                "the entry has changed since version " + e.getExpectedVersion()
                        + " (it is now at version " + e.getActualVersion() + ")"));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return Problems.response(Problems.problem(Refusal.ALREADY_EXISTS,
                "an entry with this id was created at the same time; nothing was written"));
    }

    /** Unique constraints that stand for a rule, and the refusal each one means. */
    private static final Map<String, Refusal> CONSTRAINT_CODES = Map.of(
            "uk_structure_lookup_name", Refusal.DUPLICATE_NAME,
            "uk_decision_lookup_citation", Refusal.DUPLICATE_DECISION);

    @ExceptionHandler({ConcurrencyException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> conflict(Exception e, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQLSTATE class 22 is a data exception (a value out of range, an invalid date, …):
            // bad input that slipped past validation, not a conflict with another write.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                log.warn("a value the database cannot hold was refused (SQLSTATE {}): {}", sql.getSQLState(), e.toString());
                return Problems.response(Problems.problem(Refusal.VALIDATION_FAILED,
                        "a value in the request is outside what the register can hold; nothing was written"));
            }
        }
        log.info("conflicting concurrent write refused: {}", e.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (Map.Entry<String, Refusal> constraint : CONSTRAINT_CODES.entrySet()) {
                if (message.contains(constraint.getKey())) {
                    return Problems.response(Problems.problem(constraint.getValue(),
                            "a concurrent change already took this name or citation; nothing was written"));
                }
            }
        }
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return Problems.response(Problems.problem(Refusal.PRECONDITION_FAILED,
                    "the entry changed after the version in If-Match; nothing was written"));
        }
        return Problems.response(Problems.problem(Refusal.VERSION_CONFLICT,
                "another change to the same entry was written at the same time; nothing was written, try again"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BoundedDates.OutOfRangeParameter refused) {
                return Problems.response(Problems.validation(List.of(new Problems.FieldError(e.getName(),
                        refused.getMessage()))));
            }
        }
        return Problems.response(Problems.validation(List.of(new Problems.FieldError(e.getName(),
                "'" + e.getValue() + "' is not a valid value"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("the database is unreachable: {}", e.toString());
            ProblemDetail problem = Problems.problem(Refusal.DATABASE_UNAVAILABLE,
                    "the database is not reachable right now; try again shortly (a write that got this answer may or"
                            + " may not have been recorded: repeat it with the same Idempotency-Key)");
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        // A conflict raised while the events commit may arrive wrapped by the framework.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof ConcurrencyException) {
                return conflict((Exception) t, request);
            }
        }
        if (e instanceof ErrorResponse errorResponse) {
            // Spring's own web exceptions (404, 405, 415, …) already know their status.
            return Problems.response(fromStatus(errorResponse.getStatusCode(), errorResponse.getBody().getDetail()));
        }
        log.error("unexpected error while handling a request", e);
        return Problems.response(Problems.problem(Refusal.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged with this request's correlation id"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> new Problems.FieldError(fe.getField(), fe.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(new Problems.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return asObject(Problems.response(Problems.validation(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return asObject(Problems.response(Problems.problem(Refusal.PAYLOAD_TOO_LARGE, t.getMessage())));
            }
        }
        String field = "body";
        String message = "the request body is not valid JSON";
        if (cause instanceof StrictText.InvalidTextException t) {
            field = path(t);
            message = t.getOriginalMessage();
        } else if (cause instanceof BoundedDates.DateOutOfRangeException d) {
            field = path(d);
            message = d.getOriginalMessage();
        } else if (cause instanceof BoundedNumbers.NumberOutOfRangeException n) {
            field = path(n);
            message = n.getOriginalMessage();
        } else if (cause instanceof JsonMappingException m && m.getCause() instanceof StreamConstraintsException) {
            field = path(m);
            message = "a number may have at most " + BoundedNumbers.MAX_LITERAL_LENGTH + " characters";
        } else if (cause instanceof StreamConstraintsException) {
            message = "a number may have at most " + BoundedNumbers.MAX_LITERAL_LENGTH + " characters";
        } else if (cause instanceof UnrecognizedPropertyException u) {
            field = path(u);
            message = "unknown property '" + u.getPropertyName() + "'";
        } else if (cause instanceof InvalidFormatException f) {
            field = path(f);
            message = "'" + f.getValue() + "' is not a valid " + simpleType(f.getTargetType());
        } else if (cause instanceof MismatchedInputException m) {
            field = path(m);
            message = "wrong type: expected " + simpleType(m.getTargetType());
        } else if (cause instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            field = path(m);
            message = iae.getMessage();
        } else if (cause instanceof JsonMappingException m) {
            field = path(m);
            message = "invalid value";
        } else if (cause instanceof JsonParseException p) {
            message = p.getOriginalMessage();
            java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(message);
            if (duplicate.find()) {
                field = duplicate.group(1);
                message = "the property appears more than once";
            }
        } else if (cause == null) {
            message = "a JSON request body is required";
        }
        return asObject(Problems.response(Problems.validation(List.of(new Problems.FieldError(field, message)))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        String detail = body instanceof ProblemDetail pd ? pd.getDetail() : null;
        ResponseEntity<ProblemDetail> response = Problems.response(fromStatus(statusCode, detail));
        return ResponseEntity.status(statusCode).headers(headers)
                .contentType(response.getHeaders().getContentType()).body(response.getBody());
    }

    private static ProblemDetail fromStatus(HttpStatusCode status, String detail) {
        Refusal refusal = switch (status.value()) {
            case 400 -> Refusal.VALIDATION_FAILED;
            case 401 -> Refusal.UNAUTHENTICATED;
            case 403 -> Refusal.FORBIDDEN;
            case 404 -> Refusal.NOT_FOUND;
            case 405 -> Refusal.METHOD_NOT_ALLOWED;
            case 406 -> Refusal.NOT_ACCEPTABLE;
            case 409 -> Refusal.CONFLICT;
            case 412 -> Refusal.PRECONDITION_FAILED;
            case 413 -> Refusal.PAYLOAD_TOO_LARGE;
            case 415 -> Refusal.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> Refusal.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? Refusal.INTERNAL_ERROR : Refusal.VALIDATION_FAILED;
        };
        ProblemDetail problem = Problems.problem(refusal, detail == null ? "request refused" : detail);
        problem.setStatus(status.value());
        return problem;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "value, one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "instant (UTC, e.g. 2026-11-22T10:15:30Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
