package se.malspar.command.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.malspar.platform.web.PlainName;

import java.time.LocalDate;

/** Body of {@code POST /api/admin/decisions/{decisionId}/adoption}. */
@Schema(example = """
        {"adoptedOn": "2022-08-24", "adoptedBy": "KS 2022-08-24 § 120", "note": "Protokollet"}""")
record AdoptDecisionRequest(
        @Schema(description = "The day the decision was taken") @NotNull LocalDate adoptedOn,
        @Schema(description = "What shows it: the adopting paragraph or paper") @NotBlank @Size(max = 500) @PlainName String adoptedBy,
        @Size(max = 2000) String note) {
}
