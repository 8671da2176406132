package se.malspar.kernel.fulfilment;

import se.malspar.kernel.programme.DecisionReference;

/**
 * What made the principle compute a verdict: the indicator's event ({@code event} is its type's simple name,
 * e.g. {@code MeasurementRecorded}, {@code AmbitionLevelSet}, {@code AmbitionLevelCorrected},
 * {@code TargetValueSet}) at that aggregate sequence number, and the decision behind it when there is one (for
 * a correction, the decision whose entry it corrected).
 */
public record VerdictTrigger(String event, long sequence, DecisionReference decision) {
}
