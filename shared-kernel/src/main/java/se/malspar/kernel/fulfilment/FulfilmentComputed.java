package se.malspar.kernel.fulfilment;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.IndicatorId;

/**
 * The verdict the principle computed for an indicator and report period, with what it used and what
 * triggered it. A later computation for the same period (new data, or a changed level) is a new event beside
 * this one, never a change of it.
 *
 * <p>Revision 2 carries only what the verdict used ({@link VerdictInputs}, of a size independent of the
 * history) and the {@code trigger}; revision 1 carried every observation up to the period in
 * {@code inputs.history}. The platform's upcaster reads a revision-1 event as revision 2 (its sources unknown,
 * its trigger null).
 */
@Revision("2")
public record FulfilmentComputed(IndicatorId indicatorId, String period, VerdictInputs inputs, Assessment assessment,
                                 VerdictTrigger trigger) {
}
