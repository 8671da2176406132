package se.malspar.kernel.programme;

/** An indicator's fulfilment for a report period (null: the latest period with a verdict), with every verdict behind it. */
public record FindFulfilment(IndicatorId indicatorId, String period) {
}
