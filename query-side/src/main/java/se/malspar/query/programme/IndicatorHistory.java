package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.period.PeriodState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every version of an indicator as recorded: its definition, ambition levels and target values,
 * each with its decision, valid period and recorded period; corrections marked as corrections
 * and what they superseded; and every measurement, superseded ones included.
 */
public record IndicatorHistory(String indicatorId, String name, String delmalId, String programmeId,
                               List<Version> versions, List<MeasurementVersion> measurements,
                               List<IndicatorFulfilment.VerdictVersion> verdicts, List<AmbitionReview> ambitionReviews,
                               List<PeriodState> periods) {

    /**
     * Without reviews or periods (the read API adds them). {@code ambitionReviews}: every review
     * (omarbetning) of the programme's ambition levels, each with the days it was under way, so the
     * ambition levels above can be read against it; {@code periods}: the state of every period it has
     * a measurement or verdict for, and of every period ever closed.
     */
    public IndicatorHistory(String indicatorId, String name, String delmalId, String programmeId, List<Version> versions,
                            List<MeasurementVersion> measurements, List<IndicatorFulfilment.VerdictVersion> verdicts) {
        this(indicatorId, name, delmalId, programmeId, versions, measurements, verdicts, List.of(), List.of());
    }

    public IndicatorHistory withAmbitionReviews(List<AmbitionReview> reviews) {
        return new IndicatorHistory(indicatorId, name, delmalId, programmeId, versions, measurements, verdicts, reviews,
                periods);
    }

    public IndicatorHistory withPeriods(List<PeriodState> states) {
        java.util.Set<String> own = new java.util.HashSet<>();
        measurements.forEach(m -> own.add(m.period()));
        verdicts.forEach(v -> own.add(v.period()));
        return new IndicatorHistory(indicatorId, name, delmalId, programmeId, versions, measurements, verdicts,
                ambitionReviews, PeriodState.covering(states, own));
    }

    /**
     * {@code validTo} is the day the next decided version of the same kind takes effect, as known
     * now (null: still in force). {@code supersededAt} closes the recorded period of a version
     * that a correction replaced ({@code supersededBy}). {@code provenance}: where the version comes
     * from (source paper, quote, note, import origin), or null.
     */
    public record Version(String versionId, String event, String kind, JsonNode value, LocalDate effectiveFrom,
                          LocalDate validTo, DecisionReference decision, boolean correction, String corrects,
                          String reason, Instant recordedAt, String recordedBy, Instant supersededAt,
                          String supersededBy, JsonNode provenance) {
    }

    public record MeasurementVersion(String versionId, String period, BigDecimal value, Boolean done,
                                     String dataPeriod, JsonNode referenceValues, JsonNode source, String note,
                                     Instant recordedAt, String recordedBy, Instant supersededAt, String supersededBy) {
    }

    static IndicatorHistory of(String indicatorId, String programmeId, List<Fact> facts,
                               List<ObservationRows.Measurement> measurements, List<ObservationRows.Verdict> verdicts) {
        Fact added = facts.stream().filter(f -> f.attribute() == Fact.Attribute.ADDED).findFirst().orElse(null);
        List<Version> versions = facts.stream().map(f -> new Version(f.factId(), f.eventType(), kindOf(f), f.value(),
                f.validFrom(), validTo(f, facts), f.decision(), f.correctionOf() != null, f.correctionOf(),
                f.correctionReason(), f.recordedAt(), f.recordedBy(), f.supersededAt(), f.supersededBy(), f.provenance()))
                .toList();
        List<MeasurementVersion> measured = measurements.stream().map(m -> new MeasurementVersion(m.factId(), m.period(),
                m.value(), m.done(), m.dataPeriod(), ProgrammeJson.JSON.valueToTree(m.referenceValues()),
                ProgrammeJson.JSON.valueToTree(m.source()), m.note(), m.recordedAt(),
                m.recordedBy(), m.supersededAt(), m.supersededBy())).toList();
        return new IndicatorHistory(indicatorId, added == null ? null : added.value().path("name").asText(null),
                added == null ? null : added.parentId(), programmeId, versions, measured,
                verdicts.stream().map(IndicatorFulfilment.VerdictVersion::of).toList());
    }

    /** The same history with what triggered each computed verdict (read from the verdict's own event). */
    IndicatorHistory resolved(VerdictEvents events) {
        Map<String, JsonNode> triggers = events.triggers(verdicts.stream()
                .filter(v -> "COMPUTED".equals(v.source())).map(IndicatorFulfilment.VerdictVersion::versionId).toList());
        return new IndicatorHistory(indicatorId, name, delmalId, programmeId, versions, measurements,
                verdicts.stream().map(v -> v.withTrigger(triggers.get(v.versionId()))).toList(), ambitionReviews, periods);
    }

    private static String kindOf(Fact f) {
        return switch (f.attribute()) {
            case ADDED -> "DEFINITION";
            case RETIRED -> "RETIREMENT";
            case AMBITION -> "AMBITION_LEVEL";
            case TARGET -> "TARGET_VALUE";
            case SOURCE -> "SOURCE";
            case NAME -> "NAME";
        };
    }

    /** The next later valid_from among the versions of the same kind that are still recorded. */
    private static LocalDate validTo(Fact f, List<Fact> all) {
        if (f.supersededAt() != null || !(f.attribute() == Fact.Attribute.AMBITION || f.attribute() == Fact.Attribute.TARGET)) {
            return null;
        }
        return all.stream()
                .filter(o -> o.attribute() == f.attribute() && o.supersededAt() == null && o.validFrom().isAfter(f.validFrom()))
                .map(Fact::validFrom)
                .min(LocalDate::compareTo)
                .orElse(null);
    }
}
