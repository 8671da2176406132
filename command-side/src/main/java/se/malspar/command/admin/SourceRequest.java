package se.malspar.command.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.malspar.kernel.common.Provenance;
import se.malspar.platform.web.PlainName;

import java.time.LocalDate;

/**
 * The {@code source} of a write: the paper that says what the change records. Kept as metadata
 * of the command and of every event it causes, and shown wherever the change is shown.
 */
@Schema(description = "Where the change comes from: the paper, the place in it, its words, its date",
        example = """
                {"document": "Protokoll KS 2022-03-09", "locator": "§ 70, s. 4", "quote": "nytt delmål Tillgänglighet under mål 4",
                 "documentDate": "2022-03-09"}""")
public record SourceRequest(
        @Schema(description = "The paper: title or file") @NotBlank @Size(max = 300) @PlainName String document,
        @Schema(description = "Where in it: page, §, lines") @Size(max = 100) @PlainName String locator,
        @Schema(description = "Its words, verbatim") @Size(max = 2000) String quote,
        @Schema(description = "The paper's date, when it gives one") LocalDate documentDate) {

    public Provenance.Source toSource() {
        return new Provenance.Source(document.strip(), locator == null ? null : locator.strip(),
                quote == null ? null : quote.strip(), documentDate);
    }
}
