package se.malspar.kernel.programme.measurement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

/** Reopen a closed follow-up period on a decision, saying why. */
public record ReopenPeriod(@TargetAggregateIdentifier PeriodId periodId, DecisionId decision, String reason) {
}
