package se.malspar.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;

public record AddDelmal(@TargetAggregateIdentifier DelmalId delmalId, GoalId goalId, String name, String description,
                        DecisionId decision, LocalDate effectiveFrom) {
}
