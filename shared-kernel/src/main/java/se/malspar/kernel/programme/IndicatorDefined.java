package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record IndicatorDefined(IndicatorId indicatorId, DelmalId delmalId, GoalId goalId, String name, String unit,
                               IndicatorKind kind, Direction direction, boolean politicallyDecidedTarget,
                               IndicatorSource source, DecisionReference decision, LocalDate effectiveFrom) {
}
