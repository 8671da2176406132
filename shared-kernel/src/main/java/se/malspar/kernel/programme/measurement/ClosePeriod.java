package se.malspar.kernel.programme.measurement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

/** Close a follow-up period on a decision (e.g. the approval of the annual report): no more measurements or assessments for it. */
public record ClosePeriod(@TargetAggregateIdentifier PeriodId periodId, DecisionId decision) {
}
