package se.malspar.kernel.fulfilment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.IndicatorId;

/**
 * A human assessment of an indicator for a report period, which overrides the computed verdict
 * (seed 002, point 7: KS may always add its own judgement). The motivation is required; the
 * decision is given when KS decided the assessment.
 */
public record AssessFulfilment(@TargetAggregateIdentifier IndicatorId indicatorId, String period, Verdict status,
                               String motivation, DecisionId decision, @TargetAggregateVersion Long expectedVersion) {
}
