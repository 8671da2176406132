package se.malspar.command.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.malspar.command.admin.SourceRequest;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.platform.web.PlainName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The request bodies of the programme admin API (API.md, Programme structure). */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    private static final String DECISION = "The decision that authorises the change: citation or id, e.g. 'KS 2022-03-09 § 70'";
    private static final String SOURCE = "Where the change comes from: {document, locator, quote, documentDate}";
    private static final String EFFECTIVE_WRITTEN = "When it takes effect: YYYY-MM-DD, or YYYY-MM / YYYY as the paper "
            + "gives it (in force uncertainly inside that month or year); defaults to the decision's meeting date";
    private static final String EFFECTIVE = "When the change takes effect; defaults to the decision's meeting date";

    @Schema(example = """
            {"programmeId": "vaggeryd-2020", "name": "Strategiskt hållbarhets- och utvecklingsprogram",
             "ownerOrgan": "KF", "decision": "KF 2020-10", "effectiveFrom": "2020-10-26"}""")
    record CreateProgrammeRequest(@NotBlank @Size(max = 100) String programmeId,
                                  @NotBlank @Size(max = 300) @PlainName String name,
                                  @NotBlank @Size(max = 10) String ownerOrgan,
                                  @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                  @Schema(description = EFFECTIVE_WRITTEN, example = "2020-10") @Size(max = 10) String effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"goalId": "KF4", "name": "Delaktighet, tillgänglighet och trygghet",
             "goalArea": "4 Delaktighet, tillgänglighet och trygghet", "decision": "KF 2020-10", "effectiveFrom": "2020-10-26"}""")
    record AddGoalRequest(@NotBlank @Size(max = 100) String goalId,
                          @NotBlank @Size(max = 300) @PlainName String name,
                          @Size(max = 300) @PlainName String goalArea,
                          @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                          @Schema(description = EFFECTIVE_WRITTEN, example = "2020-10") @Size(max = 10) String effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source,
            @Schema(description = "Goals of other programmes this goal contributes to (KS's own goals name KF goals); "
                    + "each must exist", example = "[\"KF1\", \"KF2\"]") @Size(max = 20) List<String> contributesTo) {
    }

    @Schema(example = """
            {"articles": [2, 3], "decision": "KS 2022-08-24 § 140"}""")
    record ChildRightsRequest(@Schema(description = "Articles of the Convention on the Rights of the Child, 1–54; "
                                      + "[] unlinks") @NotNull @Size(max = 54) List<Integer> articles,
                              @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                              @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
                              @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"name": "Tillgänglighet", "decision": "KS 2022-03-09 § 70"}""")
    record AddDelmalRequest(@Schema(description = "Given, or made from the goal id and the name") @Size(max = 100) String delmalId,
                            @NotBlank @Size(max = 300) @PlainName String name,
                            @Size(max = 5000) String description,
                            @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                            @Schema(description = EFFECTIVE_WRITTEN, example = "2020-10") @Size(max = 10) String effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    record RenameDelmalRequest(@NotBlank @Size(max = 300) @PlainName String name,
                               @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                               @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    record RetireRequest(@Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                         @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"name": "Gymnasiebehörighet", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
             "politicallyDecidedTarget": false, "source": {"kind": "KOLADA", "kpi": "N15428"}, "decision": "KS 2021-01-13 § 12"}""")
    record DefineIndicatorRequest(@Schema(description = "Given, or made from the delmål id and the name") @Size(max = 100) String indicatorId,
                                  @NotBlank @Size(max = 300) @PlainName String name,
                                  @NotBlank @Size(max = 50) @PlainName String unit,
                                  @NotNull IndicatorKind kind,
                                  @NotNull Direction direction,
                                  @NotNull Boolean politicallyDecidedTarget,
                                  @Valid IndicatorSource source,
                                  @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                  @Schema(description = EFFECTIVE_WRITTEN, example = "2021-01-13") @Size(max = 10) String effectiveFrom,
                                  @Schema(description = "What the register should say, e.g. that the unit is not in the papers")
                                  @Size(max = 2000) String note,
            @Schema(description = SOURCE) @Valid SourceRequest documentSource,
            @Schema(description = "DECIDED (default): the paper states the direction; ASSUMED: recorded only because one is required (then directionReason)")
            DirectionBasis directionBasis,
            @Schema(description = "Why the direction is assumed (required when ASSUMED)") @Size(max = 2000) String directionReason) {
    }

    @Schema(example = """
            {"text": "+4 % över riket 2022", "decision": "KS 2021-01-13 § 12"}""")
    record SetAmbitionLevelRequest(@Schema(description = "The ambition level verbatim, as decided") @NotBlank @Size(max = 1000) String text,
                                   @Schema(description = "Optional: your structured reading (one rule); checked against the text") @Valid AmbitionRule rule,
                                   @Schema(description = "Optional: your structured reading (several rules); checked against the text") @Size(max = 20) List<AmbitionRule> rules,
                                   @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                   @Schema(description = EFFECTIVE_WRITTEN, example = "2021-01-13") @Size(max = 10) String effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source,
            @Schema(description = "SET (default) or TO_BE_DISCUSSED: the paper leaves the level to dialogue; the text is kept, no rule is read")
            AmbitionStatus status,
            @Schema(description = "When the text states rules for several target groups: the group this indicator measures (only its rules are kept)")
            @Size(max = 100) String targetGroup) {
    }

    @Schema(example = """
            {"text": "+4 % över riket 2022", "rules": [{"comparator": "ABOVE", "reference": "NATIONAL", "margin": 4,
             "marginUnit": "PERCENTAGE_POINTS", "targetYear": 2022}], "reason": "procentenheter enligt tjänsteskrivelsen"}""")
    record CorrectAmbitionLevelRequest(@Schema(description = "The entry to correct: the decision that set it; default the latest entry") @Size(max = 64) String correctsDecision,
                                       @Size(max = 1000) String text,
                                       @Valid AmbitionRule rule,
                                       @Size(max = 20) List<AmbitionRule> rules,
                                       @NotBlank @Size(max = 2000) String reason,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    record ChangeSourceRequest(@Schema(description = "KOLADA, SURVEY or MANUAL") @NotNull SourceKind kind,
                               @Schema(description = "the Kolada KPI id (N15428), only for KOLADA") @Size(max = 20) String kpi,
                               @Schema(description = "why this source: Målspår's own mapping, not a board decision")
                               @NotBlank @Size(max = 2000) String reason) {
    }

    record SetTargetValueRequest(@NotNull BigDecimal value,
                                 @NotNull Integer year,
                                 @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                 @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"period": "2021-AR", "status": "YELLOW", "motivation": "KS bedömer att utvecklingen går åt rätt håll", "decision": "KS 2022-03-09 § 70"}""")
    record AssessFulfilmentRequest(@NotBlank @Size(max = 7) String period,
                                   @NotNull Verdict status,
                                   @NotBlank @Size(max = 5000) String motivation,
                                   @Schema(description = "The decision, when KS decided the assessment") @Size(max = 64) String decision) {
    }

    @Schema(example = """
            {"period": "2021-AR", "value": 81.2, "dataPeriod": "2020", "referenceValues": {"NATIONAL": 85.6, "COUNTY": 84.1},
             "source": {"kind": "KOLADA", "kpi": "N15428"}}""")
    record RecordMeasurementRequest(@NotBlank @Size(max = 7) String period,
                                    BigDecimal value,
                                    Boolean done,
                                    @Size(max = 20) @Pattern(regexp = FollowUpPeriod.DATA_PERIOD_FORM,
                                            message = FollowUpPeriod.DATA_PERIOD_RULE) String dataPeriod,
                                    Map<ReferenceArea, BigDecimal> referenceValues,
                                    @NotNull @Valid MeasurementSource source,
                                    @Size(max = 2000) String note) {
    }

    @Schema(example = """
            {"subject": "uppdaterad ambitionsnivå för fullmäktiges mål", "decision": "KSAU 2022-02-23 § 38"}""")
    record OpenAmbitionReviewRequest(@Schema(description = "What the assignment concerns, in its words") @NotBlank @Size(max = 1000) String subject,
                                     @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                     @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"outcome": "uppdaterad ambitionsnivå godkänd", "decision": "KS 2022-08-24 § 150"}""")
    record CloseAmbitionReviewRequest(@Schema(description = "What the closing decision decided, in its words") @NotBlank @Size(max = 1000) String outcome,
                                      @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                      @Schema(description = EFFECTIVE) LocalDate effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"count": 4, "decision": "KF 2020-10", "effectiveFrom": "2020-10"}""")
    record StateDelmalCountRequest(@Schema(description = "How many delmål the paper says the goal has") @NotNull @Min(1) @Max(100) Integer count,
                                   @Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                                   @Schema(description = EFFECTIVE_WRITTEN, example = "2020-10") @Size(max = 10) String effectiveFrom,
            @Schema(description = SOURCE) @Valid SourceRequest source) {
    }
}
