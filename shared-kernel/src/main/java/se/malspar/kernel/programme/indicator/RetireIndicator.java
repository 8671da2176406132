package se.malspar.kernel.programme.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

public record RetireIndicator(@TargetAggregateIdentifier IndicatorId indicatorId, DecisionId decision,
                              LocalDate effectiveFrom, @TargetAggregateVersion Long expectedVersion) {
}
