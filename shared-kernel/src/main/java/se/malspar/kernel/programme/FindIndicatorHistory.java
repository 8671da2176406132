package se.malspar.kernel.programme;

/** Every version of an indicator's definition, ambition levels, target values and measurements. */
public record FindIndicatorHistory(IndicatorId indicatorId) {
}
