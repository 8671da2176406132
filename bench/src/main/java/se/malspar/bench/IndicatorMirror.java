package se.malspar.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.Observation;
import se.malspar.kernel.programme.AmbitionLevel;
import se.malspar.kernel.programme.AmbitionLevelCorrected;
import se.malspar.kernel.programme.AmbitionLevelSet;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.Direction;
import se.malspar.kernel.programme.FollowUpPeriod;
import se.malspar.kernel.programme.IndicatorDefined;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.IndicatorKind;
import se.malspar.kernel.programme.MeasurementRecorded;
import se.malspar.kernel.programme.TargetValueSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the command side's {@code Indicator} aggregate knows when it records a measurement, rebuilt from the
 * indicator's events, so the generator can append the {@link FulfilmentComputed} the aggregate would apply after each
 * {@link MeasurementRecorded}. The aggregate is package-private in command-side; its event sourcing handlers and
 * {@code assessmentInput} are mirrored here line by line — keep them in step.
 */
final class IndicatorMirror {

    final IndicatorId indicatorId;
    /** The aggregate type as stored ({@code type} column). */
    String aggregateType;
    /** The sequence number of the next event of this aggregate. */
    long nextSequence;
    private IndicatorKind kind;
    private Direction direction;
    private final List<AmbitionEntry> ambitionLevels = new ArrayList<>();
    private final List<TargetValueSet> targetValues = new ArrayList<>();
    private final Map<String, Observation> observations = new TreeMap<>(Comparator.comparingInt(FollowUpPeriod::order));

    IndicatorMirror(IndicatorId indicatorId) {
        this.indicatorId = indicatorId;
    }

    /** One stored event of this aggregate, in order (as the repository would source it). */
    void source(DomainEventMessage<?> event) {
        aggregateType = event.getType();
        nextSequence = event.getSequenceNumber() + 1;
        apply(event.getPayload());
    }

    /** The aggregate's {@code @EventSourcingHandler}s. */
    void apply(Object event) {
        if (event instanceof IndicatorDefined e) {
            kind = e.kind();
            direction = e.direction();
        } else if (event instanceof AmbitionLevelSet e) {
            ambitionLevels.add(new AmbitionEntry(e.decision(), e.effectiveFrom(), e.ambitionLevel()));
        } else if (event instanceof TargetValueSet e) {
            targetValues.add(e);
        } else if (event instanceof MeasurementRecorded e) {
            observations.put(e.period(), new Observation(e.period(), e.value(), e.done(), e.dataPeriod(),
                    e.referenceValues()));
        } else if (event instanceof AmbitionLevelCorrected e) {
            for (int i = ambitionLevels.size() - 1; i >= 0; i--) {
                AmbitionEntry entry = ambitionLevels.get(i);
                if (entry.decision().equals(e.corrects()) && entry.effectiveFrom().equals(e.effectiveFrom())) {
                    ambitionLevels.set(i, new AmbitionEntry(entry.decision(), entry.effectiveFrom(), e.ambitionLevel()));
                    return;
                }
            }
        }
    }

    /**
     * {@code Indicator.handle(RecordMeasurement)} after validation: applies the measurement (Axon hands an applied
     * event to the aggregate's handler at once), then computes the verdict for the period from the new state.
     */
    FulfilmentComputed record(MeasurementRecorded measurement) {
        apply(measurement);
        AssessmentInput input = assessmentInput(measurement.period());
        return new FulfilmentComputed(indicatorId, measurement.period(), input, AssessmentPrinciple.assess(input));
    }

    /** {@code Indicator.assessmentInput}, verbatim. */
    private AssessmentInput assessmentInput(String period) {
        LocalDate reportDate = FollowUpPeriod.endDate(period);
        AmbitionEntry ambition = null;
        for (AmbitionEntry entry : ambitionLevels) {
            if (!entry.effectiveFrom().isAfter(reportDate)
                    && (ambition == null || !entry.effectiveFrom().isBefore(ambition.effectiveFrom()))) {
                ambition = entry;
            }
        }
        TargetValueSet target = null;
        for (TargetValueSet entry : targetValues) {
            if (!entry.effectiveFrom().isAfter(reportDate)
                    && (target == null || !entry.effectiveFrom().isBefore(target.effectiveFrom()))) {
                target = entry;
            }
        }
        List<Observation> history = observations.entrySet().stream()
                .filter(o -> FollowUpPeriod.order(o.getKey()) <= FollowUpPeriod.order(period))
                .map(Map.Entry::getValue).toList();
        return new AssessmentInput(period, ambition == null ? List.of() : ambition.level().rules(),
                ambition != null && ambition.level().ambiguous(), direction, kind,
                target == null ? null : target.value(), target == null ? null : target.year(), history);
    }

    private record AmbitionEntry(DecisionReference decision, LocalDate effectiveFrom, AmbitionLevel level) {
    }
}
