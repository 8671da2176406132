package se.malspar.kernel.fulfilment;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.IndicatorId;

/** A human assessment; {@code decision} is null when no decision stands behind it. Both it and the computed verdict stay. */
@Revision("1")
public record FulfilmentAssessed(IndicatorId indicatorId, String period, Verdict status, String motivation,
                                 DecisionReference decision) {
}
