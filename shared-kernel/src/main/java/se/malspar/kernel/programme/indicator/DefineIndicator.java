package se.malspar.kernel.programme.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

public record DefineIndicator(@TargetAggregateIdentifier IndicatorId indicatorId, DelmalId delmalId, String name,
                              String unit, IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                              IndicatorSource source, DecisionId decision, LocalDate effectiveFrom, String note,
                              DirectionBasis directionBasis, String directionReason,
                              DatePrecision effectiveFromPrecision) {

    /** Taking effect on a day (or on the decision's day). */
    public DefineIndicator(IndicatorId indicatorId, DelmalId delmalId, String name, String unit, IndicatorKind kind,
                           Direction direction, boolean politicallyDecidedTarget, IndicatorSource source,
                           DecisionId decision, LocalDate effectiveFrom, String note, DirectionBasis directionBasis,
                           String directionReason) {
        this(indicatorId, delmalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, note, directionBasis, directionReason, null);
    }

    /** With a decided direction. */
    public DefineIndicator(IndicatorId indicatorId, DelmalId delmalId, String name, String unit, IndicatorKind kind,
                           Direction direction, boolean politicallyDecidedTarget, IndicatorSource source,
                           DecisionId decision, LocalDate effectiveFrom, String note) {
        this(indicatorId, delmalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, note, null, null);
    }

    /** Without a note. */
    public DefineIndicator(IndicatorId indicatorId, DelmalId delmalId, String name, String unit, IndicatorKind kind,
                           Direction direction, boolean politicallyDecidedTarget, IndicatorSource source,
                           DecisionId decision, LocalDate effectiveFrom) {
        this(indicatorId, delmalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, null);
    }
}
