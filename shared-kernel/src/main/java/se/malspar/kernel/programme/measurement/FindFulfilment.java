package se.malspar.kernel.programme.measurement;

import se.malspar.kernel.programme.IndicatorId;

/** An indicator's fulfilment for a report period (null: the latest period with a verdict), with every verdict behind it. */
public record FindFulfilment(IndicatorId indicatorId, String period) {
}
