package se.malspar.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.query.programme.IndicatorFulfilment;
import se.malspar.query.programme.IndicatorHistory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An indicator's history as a person reads it: the ambition levels as steps in time, the målvärden,
 * the measurements with riket and länet, and the verdict of each period with its explanation; all
 * as recorded now (corrected entries are listed as such, never hidden).
 */
record IndicatorTimeline(String indicatorId, String name, String programmeId, String delmalId, JsonNode definition,
                         List<Step> ambitions, List<Step> targets, List<Step> replaced, List<Point> points,
                         List<Verdict> verdicts) {

    /** One ambition level or målvärde as decided (or a replaced, corrected entry). */
    record Step(String kind, JsonNode value, LocalDate effectiveFrom, LocalDate validTo, DecisionReference decision,
                boolean correction, String reason, java.time.Instant recordedAt, String recordedBy,
                java.time.Instant supersededAt) {
    }

    /** A period's measurement as recorded now. */
    record Point(String period, LocalDate date, BigDecimal value, Boolean done, String dataPeriod, BigDecimal national,
                 BigDecimal county, String note, java.time.Instant recordedAt, String recordedBy) {
    }

    /** The verdict in force for a period: a human assessment over the computed one, both kept. */
    record Verdict(String period, String status, String source, IndicatorFulfilment.VerdictVersion computed,
                   IndicatorFulfilment.VerdictVersion human) {
    }

    static IndicatorTimeline of(IndicatorHistory history) {
        JsonNode definition = null;
        List<Step> ambitions = new ArrayList<>();
        List<Step> targets = new ArrayList<>();
        List<Step> replaced = new ArrayList<>();
        for (IndicatorHistory.Version v : history.versions()) {
            Step step = new Step(v.kind(), v.value(), v.effectiveFrom(), v.validTo(), v.decision(), v.correction(),
                    v.reason(), v.recordedAt(), v.recordedBy(), v.supersededAt());
            if (v.supersededAt() != null) {
                replaced.add(step);
            } else if ("DEFINITION".equals(v.kind())) {
                definition = v.value();
            } else if ("AMBITION_LEVEL".equals(v.kind())) {
                ambitions.add(step);
            } else if ("TARGET_VALUE".equals(v.kind())) {
                targets.add(step);
            }
        }
        Comparator<Step> byDate = Comparator.comparing(Step::effectiveFrom);
        ambitions.sort(byDate);
        targets.sort(byDate);
        List<Point> points = history.measurements().stream().filter(m -> m.supersededAt() == null)
                .sorted(Comparator.comparingInt(m -> FollowUpPeriod.order(m.period())))
                .map(m -> new Point(m.period(), FollowUpPeriod.endDate(m.period()), m.value(), m.done(), m.dataPeriod(),
                        reference(m.referenceValues(), "NATIONAL"), reference(m.referenceValues(), "COUNTY"), m.note(),
                        m.recordedAt(), m.recordedBy()))
                .toList();
        Map<String, IndicatorFulfilment.VerdictVersion[]> byPeriod = new LinkedHashMap<>();
        history.verdicts().stream().filter(v -> v.supersededAt() == null)
                .sorted(Comparator.comparingInt((IndicatorFulfilment.VerdictVersion v) -> FollowUpPeriod.order(v.period()))
                        .thenComparing(IndicatorFulfilment.VerdictVersion::recordedAt))
                .forEach(v -> byPeriod.computeIfAbsent(v.period(), p -> new IndicatorFulfilment.VerdictVersion[2])
                        ["HUMAN".equals(v.source()) ? 1 : 0] = v);
        List<Verdict> verdicts = byPeriod.entrySet().stream().map(e -> {
            IndicatorFulfilment.VerdictVersion computed = e.getValue()[0];
            IndicatorFulfilment.VerdictVersion human = e.getValue()[1];
            IndicatorFulfilment.VerdictVersion shown = human != null ? human : computed;
            return new Verdict(e.getKey(), shown.verdict(), shown.source(), computed, human);
        }).toList();
        return new IndicatorTimeline(history.indicatorId(), history.name(), history.programmeId(), history.delmalId(),
                definition, ambitions, targets, replaced, points, verdicts);
    }

    /** The verdict in force for a period, or null when none was made. */
    public String statusOf(String period) {
        return verdicts.stream().filter(v -> v.period().equals(period)).map(Verdict::status).findFirst().orElse(null);
    }

    private static BigDecimal reference(JsonNode values, String area) {
        JsonNode value = values == null ? null : values.get(area);
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
