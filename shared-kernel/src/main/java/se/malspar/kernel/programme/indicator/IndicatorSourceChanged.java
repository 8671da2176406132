package se.malspar.kernel.programme.indicator;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.IndicatorId;

/**
 * An indicator's source was set or changed ({@code before} null when the definition named none);
 * {@code reason} says why. Not a decision: Målspår's own mapping of indicator to data source.
 */
@Revision("1")
public record IndicatorSourceChanged(IndicatorId indicatorId, DelmalId delmalId, IndicatorKind kind,
                                     IndicatorSource before, IndicatorSource after, String reason) {
}
