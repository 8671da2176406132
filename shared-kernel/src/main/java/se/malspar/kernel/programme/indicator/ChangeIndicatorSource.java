package se.malspar.kernel.programme.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.programme.IndicatorId;

/**
 * Sets or changes where an indicator's values come from (a Kolada KPI, a survey, manual entry).
 * Målspår's own mapping, not a board decision: it carries the reason instead, and the user who
 * sent it is in the event's metadata like every change.
 */
public record ChangeIndicatorSource(@TargetAggregateIdentifier IndicatorId indicatorId, IndicatorSource source,
                                    String reason, @TargetAggregateVersion Long expectedVersion) {
}
