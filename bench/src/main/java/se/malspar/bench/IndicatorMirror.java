package se.malspar.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.IndicatorEvidence;
import se.malspar.kernel.fulfilment.VerdictTrigger;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;

/**
 * What the command side's {@code Indicator} aggregate knows when it records a measurement, rebuilt from the
 * indicator's events with the kernel's {@link IndicatorEvidence} (the aggregate keeps the same), so the generator
 * can append the {@link FulfilmentComputed} the aggregate would apply after each {@link MeasurementRecorded}.
 */
final class IndicatorMirror {

    final IndicatorId indicatorId;
    /** The aggregate type as stored ({@code type} column). */
    String aggregateType;
    /** The sequence number of the next event of this aggregate. */
    long nextSequence;
    private final IndicatorEvidence evidence = new IndicatorEvidence();

    IndicatorMirror(IndicatorId indicatorId) {
        this.indicatorId = indicatorId;
    }

    /** One stored event of this aggregate, in order (as the repository would source it). */
    void source(DomainEventMessage<?> event) {
        aggregateType = event.getType();
        nextSequence = event.getSequenceNumber() + 1;
        evidence.apply(event.getPayload(), event.getSequenceNumber());
    }

    /**
     * {@code Indicator.handle(RecordMeasurement)} after validation, for a measurement to be stored at
     * {@link #nextSequence}: applies it, then computes the verdict for the period from the new state.
     */
    FulfilmentComputed record(MeasurementRecorded measurement) {
        evidence.apply(measurement, nextSequence);
        FulfilmentComputed verdict = evidence.compute(indicatorId, measurement.period(),
                new VerdictTrigger("MeasurementRecorded", nextSequence, null));
        evidence.apply(verdict, nextSequence + 1);
        return verdict;
    }
}
