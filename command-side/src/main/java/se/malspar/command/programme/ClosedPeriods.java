package se.malspar.command.programme;

import se.malspar.kernel.programme.IndicatorId;

/**
 * Which follow-up periods are closed for an indicator (issue 15, point 4): a closed period keeps its verdicts
 * when a changed level has the others assessed again. A port the indicator's command handlers ask; until
 * closing periods is built, {@link #NONE} (nothing is closed) is the bean.
 */
interface ClosedPeriods {

    ClosedPeriods NONE = (indicator, period) -> false;

    boolean isClosed(IndicatorId indicator, String period);
}
