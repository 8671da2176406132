package se.malspar.query.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An indicator's fulfilment for one report period ("why red"): the status in force (a human
 * assessment overrides the computed verdict), the current computed verdict with the principle's
 * version, the inputs used and the explanation, the current human assessment, and every earlier
 * version of both, superseded ones included.
 */
public record IndicatorFulfilment(String indicatorId, String period, String status, String source,
                                  VerdictVersion computed, VerdictVersion assessment, List<VerdictVersion> versions) {

    /**
     * One computed verdict (source COMPUTED) or human assessment (HUMAN), as recorded. In an
     * indicator's history its inputs and steps are left out (absent, not null): they are given per
     * period by the fulfilment.
     */
    public record VerdictVersion(String versionId, String period, String source, String verdict,
                                 String principleVersion, String basedOnPeriod, Boolean carriedForward,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode inputs,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode steps, String explanationSv, String explanationEn,
                                 String motivation, DecisionReference decision, Instant recordedAt,
                                 String recordedBy, Instant supersededAt, String supersededBy) {

        static VerdictVersion of(ObservationRows.Verdict v) {
            return new VerdictVersion(v.factId(), v.period(), v.source(), v.verdict(), v.principleVersion(),
                    v.basedOnPeriod(), v.carriedForward(), v.inputs(), v.steps(), v.explanationSv(), v.explanationEn(),
                    v.motivation(), v.decisionId() == null ? null : new DecisionReference(new DecisionId(v.decisionId()),
                    v.citation()), v.recordedAt(), v.recordedBy(), v.supersededAt(), v.supersededBy());
        }
    }

    static IndicatorFulfilment of(String indicatorId, String requestedPeriod, List<ObservationRows.Verdict> all) {
        String period = requestedPeriod != null ? requestedPeriod : all.stream()
                .max(Comparator.comparingInt(ObservationRows.Verdict::periodOrder))
                .map(ObservationRows.Verdict::period).orElse(null);
        List<ObservationRows.Verdict> ofPeriod = all.stream().filter(v -> v.period().equals(period)).toList();
        VerdictVersion computed = current(ofPeriod, "COMPUTED");
        VerdictVersion assessment = current(ofPeriod, "HUMAN");
        String status = assessment != null ? assessment.verdict() : computed != null ? computed.verdict() : null;
        return new IndicatorFulfilment(indicatorId, period, status,
                assessment != null ? "HUMAN" : computed != null ? "COMPUTED" : null, computed, assessment,
                ofPeriod.stream().map(VerdictVersion::of).toList());
    }

    private static VerdictVersion current(List<ObservationRows.Verdict> verdicts, String source) {
        return verdicts.stream().filter(v -> v.source().equals(source) && v.supersededAt() == null)
                .max(Comparator.comparingLong(ObservationRows.Verdict::globalIndex))
                .map(VerdictVersion::of).orElse(null);
    }
}
