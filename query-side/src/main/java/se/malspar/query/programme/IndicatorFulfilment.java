package se.malspar.query.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An indicator's fulfilment for one report period ("why red"): the status in force (a human
 * assessment overrides the computed verdict), the current computed verdict with the principle's
 * version, the inputs used and the explanation, the current human assessment, and every earlier
 * version of both, superseded ones included. Without any verdict for the period the status is
 * NOT_ASSESSED and {@code reason} says why. {@code sourceEvents} are the indicator's own events the
 * current computed verdict names as its inputs' sources, as stored, so a revisor can recompute it.
 */
public record IndicatorFulfilment(String indicatorId, String period, String status, String source,
                                  VerdictVersion computed, VerdictVersion assessment, List<VerdictVersion> versions,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Reason reason,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<SourceEvent> sourceEvents) {

    /** Why a period has no verdict, in Swedish and English. */
    public record Reason(String code, String sv, String en) {
    }

    /**
     * One event a verdict used, as stored: its role in the verdict ({@code observation}, {@code previous},
     * {@code ambitionLevel}, {@code ambitionCorrection}, {@code targetValue}, {@code definition}), its
     * sequence number in the indicator's stream, its id, stored type and revision, and its payload.
     */
    public record SourceEvent(String role, long sequenceNumber, String eventId, String type, String revision,
                              Instant recordedAt, JsonNode payload) {
    }

    /**
     * One computed verdict (source COMPUTED) or human assessment (HUMAN), as recorded. In an
     * indicator's history its inputs and steps are left out (absent, not null): they are given per
     * period by the fulfilment. {@code trigger}: what made the principle compute it (the event, its
     * sequence number and the decision behind it), absent for a human assessment and for verdicts
     * recorded before triggers were named.
     */
    public record VerdictVersion(String versionId, String period, String source, String verdict,
                                 String principleVersion, String basedOnPeriod, Boolean carriedForward,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode inputs,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode steps, String explanationSv, String explanationEn,
                                 String motivation, DecisionReference decision, Instant recordedAt,
                                 String recordedBy, Instant supersededAt, String supersededBy,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode trigger) {

        static VerdictVersion of(ObservationRows.Verdict v) {
            return new VerdictVersion(v.factId(), v.period(), v.source(), v.verdict(), v.principleVersion(),
                    v.basedOnPeriod(), v.carriedForward(), v.inputs(), v.steps(), v.explanationSv(), v.explanationEn(),
                    v.motivation(), v.decisionId() == null ? null : new DecisionReference(new DecisionId(v.decisionId()),
                    v.citation()), v.recordedAt(), v.recordedBy(), v.supersededAt(), v.supersededBy(), null);
        }

        VerdictVersion withTrigger(JsonNode trigger) {
            return new VerdictVersion(versionId, period, source, verdict, principleVersion, basedOnPeriod,
                    carriedForward, inputs, steps, explanationSv, explanationEn, motivation, decision, recordedAt,
                    recordedBy, supersededAt, supersededBy, trigger);
        }
    }

    /** The same fulfilment with each verdict's trigger and the current computed verdict's source events. */
    IndicatorFulfilment resolved(VerdictEvents events) {
        Map<String, JsonNode> triggers = events.triggers(versions.stream().map(VerdictVersion::versionId).toList());
        UnaryOperator<VerdictVersion> withTrigger =
                v -> v == null ? null : v.withTrigger(triggers.get(v.versionId()));
        return new IndicatorFulfilment(indicatorId, period, status, source, withTrigger.apply(computed),
                withTrigger.apply(assessment), versions.stream().map(withTrigger).toList(), reason,
                computed == null ? null : events.sources(indicatorId, computed.inputs()));
    }

    static IndicatorFulfilment of(String indicatorId, String requestedPeriod, List<ObservationRows.Verdict> all) {
        String period = requestedPeriod != null ? requestedPeriod : all.stream()
                .max(Comparator.comparingInt(ObservationRows.Verdict::periodOrder))
                .map(ObservationRows.Verdict::period).orElse(null);
        List<ObservationRows.Verdict> ofPeriod = all.stream().filter(v -> v.period().equals(period)).toList();
        VerdictVersion computed = current(ofPeriod, "COMPUTED");
        VerdictVersion assessment = current(ofPeriod, "HUMAN");
        if (computed == null && assessment == null) {
            // A verdict is computed when a measurement is recorded: none for the period means no measurement.
            return new IndicatorFulfilment(indicatorId, period, "NOT_ASSESSED", null, null, null, List.of(),
                    period == null
                            ? new Reason("NO_MEASUREMENT", "ej bedömt: inget mätvärde är rapporterat för mätvärdet ännu",
                            "not assessed: no measurement has been recorded for the indicator yet")
                            : new Reason("NO_MEASUREMENT", "ej bedömt: inget mätvärde är rapporterat för " + period
                            + ", så ingen bedömning är gjord", "not assessed: no measurement is recorded for " + period
                            + ", so no verdict was computed"), null);
        }
        String status = assessment != null ? assessment.verdict() : computed.verdict();
        return new IndicatorFulfilment(indicatorId, period, status, assessment != null ? "HUMAN" : "COMPUTED",
                computed, assessment, ofPeriod.stream().map(VerdictVersion::of).toList(), null, null);
    }

    private static VerdictVersion current(List<ObservationRows.Verdict> verdicts, String source) {
        return verdicts.stream().filter(v -> v.source().equals(source) && v.supersededAt() == null)
                .max(Comparator.comparingLong(ObservationRows.Verdict::globalIndex))
                .map(VerdictVersion::of).orElse(null);
    }
}
