package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An indicator defined by decision; {@code note} says what the register should know (e.g. an assumed direction). */
@Revision("1")
public record IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                               IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                               IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom,
                               String note) {

    /** Without a note. */
    public IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                            IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                            IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom) {
        this(indicatorId, delmalId, goalId, name, unit, kind, direction, politicallyDecidedTarget, source, decision,
                effectiveFrom, null);
    }
}
