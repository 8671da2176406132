package se.malspar.kernel.programme.indicator;

import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

/**
 * Every version of an indicator's definition, ambition levels, target values and measurements;
 * {@code documentedBy} (nullable): only the versions papers dated up to that day give.
 */
public record FindIndicatorHistory(IndicatorId indicatorId, LocalDate documentedBy) {

    public FindIndicatorHistory(IndicatorId indicatorId) {
        this(indicatorId, null);
    }
}
