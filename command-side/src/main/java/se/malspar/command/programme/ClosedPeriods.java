package se.malspar.command.programme;

import se.malspar.kernel.programme.IndicatorId;

/**
 * Which follow-up periods are closed for an indicator (issue 15, point 4): a closed period keeps its verdicts
 * when a changed level has the others assessed again. A port the indicator's command handlers ask, answered
 * by the follow-up periods' lookup ({@code command.period.ClosedPeriods}); {@link #NONE} for fixtures.
 */
interface ClosedPeriods {

    ClosedPeriods NONE = (indicator, period) -> false;

    boolean isClosed(IndicatorId indicator, String period);
}
