package se.malspar.kernel.fulfilment;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.IndicatorId;

/**
 * The verdict the principle computed for an indicator and report period when new data arrived,
 * with the principle's version and every input it used, so a revisor can recompute it. A later
 * computation for the same period is a new event beside this one, never a change of it.
 */
@Revision("1")
public record FulfilmentComputed(IndicatorId indicatorId, String period, AssessmentInput inputs,
                                 Assessment assessment) {
}
