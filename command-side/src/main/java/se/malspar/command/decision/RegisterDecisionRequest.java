package se.malspar.command.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.decision.InvalidCitationException;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.PlainName;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/admin/decisions}: the citation as parts (organ, meetingDate,
 * paragraph) or, equivalently, as one {@code citation} string; when both are given they must agree.
 */
@Schema(example = """
        {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": 70, "caseNumber": "KS 2019/191",
         "title": "Korrigering av strategiskt hållbarhets- och utvecklingsprogram: nytt delmål Tillgänglighet under mål 4"}""")
record RegisterDecisionRequest(
        @Schema(description = "The whole citation, e.g. 'KS 2022-03-09 § 70' (alternative to the parts)")
        @Size(max = 64) String citation,
        @Schema(description = "KF, KS, KSAU, …", example = "KS") @Size(max = 10) String organ,
        @Schema(description = "YYYY-MM-DD, or YYYY-MM when the paper gives no day", example = "2022-03-09")
        @Size(max = 10) String meetingDate,
        @Schema(description = "The minute paragraph (§); leave out when the paper does not give it", example = "70")
        Integer paragraph,
        @Schema(description = "Diarienummer", example = "KS 2019/191") @Size(max = 64) String caseNumber,
        @NotBlank @Size(max = 500) @PlainName String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String protocolUrl,
        @Schema(description = "When the decision takes effect; defaults to the meeting date") LocalDate effectiveFrom,
        @Schema(description = "What the register should say about the entry, e.g. what the papers leave out")
        @Size(max = 2000) String note,
        @Schema(description = "ADOPTED (default) or PLANNED: the papers show the decision only planned or proposed; "
                + "a planned decision authorises no change until its adoption is recorded")
        DecisionStatus status,
        @Schema(description = "Where the entry comes from: {document, locator, quote, documentDate}")
        @jakarta.validation.Valid se.malspar.command.admin.SourceRequest source) {

    Citation toCitation() {
        Citation fromParts = null;
        if (organ != null || meetingDate != null || paragraph != null) {
            requirePart(organ, "organ");
            requirePart(meetingDate, "meetingDate");
            try {
                fromParts = Citation.of(organ, meetingDate, paragraph);
            } catch (InvalidCitationException e) {
                throw new InvalidFieldException(fieldOf(e), e.getMessage());
            }
        }
        if (citation == null) {
            if (fromParts == null) {
                throw new InvalidFieldException("organ", "give the citation, as 'citation' or as organ, meetingDate and paragraph");
            }
            return fromParts;
        }
        Citation parsed;
        try {
            parsed = Citation.parse(citation);
        } catch (InvalidCitationException e) {
            throw new InvalidFieldException("citation", e.getMessage());
        }
        if (fromParts != null && !fromParts.equals(parsed)) {
            throw new InvalidFieldException("citation", "'" + parsed + "' does not agree with the parts given ('" + fromParts + "')");
        }
        return parsed;
    }

    private static void requirePart(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required when the citation is given as parts");
        }
    }

    private String fieldOf(InvalidCitationException e) {
        String message = e.getMessage();
        if (message.startsWith("organ")) {
            return "organ";
        }
        if (message.startsWith("paragraph")) {
            return "paragraph";
        }
        return "meetingDate";
    }
}
