package se.malspar.command.consultation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.malspar.command.admin.SourceRequest;
import se.malspar.platform.web.PlainName;

import java.time.LocalDate;

/** The request bodies of the consultation admin API (API.md, Consultations). */
final class ConsultationRequests {

    private ConsultationRequests() {
    }

    private static final String SOURCE = "Where it comes from: {document, locator, quote, documentDate}";

    @Schema(example = """
            {"consultationId": "remiss-ambitionsniva-2020", "title": "Övergripande summering remissvar",
             "source": {"document": "seeds/000_ab05747c32fdfa27.txt", "locator": "l. 1"}}""")
    record OpenConsultationRequest(@NotBlank @Size(max = 100) String consultationId,
                                   @NotBlank @Size(max = 300) @PlainName String title,
                                   @Schema(description = "The decision that sent the remiss, when a paper gives it")
                                   @Size(max = 64) String decision,
                                   @Schema(description = "The day it was sent, when a paper gives it") LocalDate sentOn,
                                   @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"responseId": "vsbo-1", "respondent": "VSBo", "subject": "KF1",
             "comment": "Befolkningstillväxt i samtliga delområden. Påverkar genom hyresrätter",
             "proposedAnswer": "Ett kompletterande mätvärde kan vara antal bostäder och andel upplåtelseform.",
             "outcome": "JA", "outcomeText": "Ja, nytt värde föreslås"}""")
    record RecordResponseRequest(@Schema(description = "Given, or the next number in the round") @Size(max = 100) String responseId,
                                 @Schema(description = "Who answered, spelled as seed 000 spells it: BUN, SN, TN, KFN, VSBo, "
                                         + "VEAB, Miljö- och byggnämnd, Räddningstjänst, AME, Näringsliv, Miljöstrateg, "
                                         + "Utanför organisationen") @NotBlank @Size(max = 64) String respondent,
                                 @Schema(description = "A goal, delmål or indicator id, or free text; absent when the "
                                         + "answer names nothing") @Size(max = 500) String subject,
                                 @NotBlank @Size(max = 4000) String comment,
                                 @Schema(description = "The office's proposed answer or action") @Size(max = 4000) String proposedAnswer,
                                 @Schema(description = "JA, NEJ, DELVIS or JA_SKA_TAS_FRAM; absent when the paper's words "
                                         + "are none of these") @Size(max = 32) String outcome,
                                 @Schema(description = "The paper's own words for the outcome (\"Inget krav på ändring\")")
                                 @Size(max = 300) String outcomeText,
                                 @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"decision": "KS 2021-01-13 § 12", "entity": "kf1-antal-bostader-och-upplatelseform",
             "reason": "Seed 000 l.61-62 names the new indicator the answer proposed"}""")
    record LinkChangeRequest(@Schema(description = "The decision that made the change") @NotBlank @Size(max = 64) String decision,
                             @Schema(description = "The programme, goal, delmål or indicator it changed") @NotBlank
                             @Size(max = 100) String entity,
                             @Schema(description = "Why this answer led to that change") @NotBlank @Size(max = 2000) String reason,
                             @Schema(description = SOURCE) @Valid SourceRequest source) {
    }
}
