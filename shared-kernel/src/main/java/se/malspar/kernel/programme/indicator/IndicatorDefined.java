package se.malspar.kernel.programme.indicator;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

/**
 * An indicator defined by decision; {@code note} says what the register should know.
 * Revision 2 added {@code directionBasis} (DECIDED|ASSUMED, default DECIDED as for a revision-1
 * event) and {@code directionReason} (why it is assumed). Revision 3 added
 * {@code effectiveFromPrecision} (DAY|MONTH|YEAR, default DAY as for an older event).
 */
@Revision("3")
public record IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                               IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                               IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom,
                               String note, DirectionBasis directionBasis, String directionReason,
                               DatePrecision effectiveFromPrecision) {

    public IndicatorDefined {
        directionBasis = directionBasis == null ? DirectionBasis.DECIDED : directionBasis;
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
    }

    /** Taking effect on a known day. */
    public IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                            IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                            IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom,
                            String note, DirectionBasis directionBasis, String directionReason) {
        this(indicatorId, delmalId, goalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, note, directionBasis, directionReason, DatePrecision.DAY);
    }

    /** With a decided direction. */
    public IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                            IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                            IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom, String note) {
        this(indicatorId, delmalId, goalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, note, DirectionBasis.DECIDED, null);
    }

    /** Without a note. */
    public IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                            IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                            IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom) {
        this(indicatorId, delmalId, goalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, null);
    }
}
