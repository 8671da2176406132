package se.malspar.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the database refuses as data (SQLSTATE class 22) is bad input, never a version conflict. */
class DataErrorsTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

    @Test
    void aDataExceptionFromTheDatabaseIsA400() {
        // 22008: datetime field overflow, as PostgreSQL answers a year of a billion.
        ResponseEntity<ProblemDetail> response = handler.conflict(new DataIntegrityViolationException("insert failed",
                new SQLException("ERROR: timestamp out of range", "22008")), request);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "VALIDATION_FAILED");
    }

    @Test
    void aRefusalThatNamesItsFieldFirstListsTheField() {
        ProblemDetail named = ApiExceptionHandler.fromViolation(new se.malspar.kernel.common.RuleViolation(
                se.malspar.kernel.common.Refusal.VALIDATION_FAILED, "referenceValues.NATIONAL must be a number from -10^15 to 10^15"));
        assertThat(named.getProperties().get("errors")).asList().containsExactly(new Problems.FieldError(
                "referenceValues.NATIONAL", "must be a number from -10^15 to 10^15"));
        ProblemDetail unnamed = ApiExceptionHandler.fromViolation(new se.malspar.kernel.common.RuleViolation(
                se.malspar.kernel.common.Refusal.VALIDATION_FAILED, "a measured indicator takes a value (and no 'done')"));
        assertThat(unnamed.getProperties()).doesNotContainKey("errors");
        assertThat(unnamed.getDetail()).isEqualTo("a measured indicator takes a value (and no 'done')");
    }

    @Test
    void aUniqueViolationIsStillAConflict() {
        ResponseEntity<ProblemDetail> response = handler.conflict(new DataIntegrityViolationException("insert failed",
                new SQLException("duplicate key", "23505")), request);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().getProperties()).containsEntry("code", "VERSION_CONFLICT");
    }
}
