package se.malspar.command.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.malspar.platform.web.PlainName;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/admin/decisions/{decisionId}/corrections}: only the fields to correct,
 * and why. The organ cannot be corrected (another organ's paragraph is another decision).
 */
@Schema(example = """
        {"paragraph": 112, "meetingDate": "2022-08-24", "reason": "Paragraf och datum enligt justerat protokoll"}""")
record CorrectDecisionRequest(
        @Size(max = 10) String meetingDate,
        Integer paragraph,
        @Size(max = 64) String caseNumber,
        @Size(max = 500) @PlainName String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String protocolUrl,
        LocalDate effectiveFrom,
        @NotBlank @Size(max = 2000) String reason) {
}
