package se.malspar.kernel.programme.ambition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.IndicatorId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A målvärde: the value the indicator should reach in {@code year}. */
public record SetTargetValue(@TargetAggregateIdentifier IndicatorId indicatorId, BigDecimal value, int year,
                             DecisionId decision, LocalDate effectiveFrom,
                             @TargetAggregateVersion Long expectedVersion) {
}
