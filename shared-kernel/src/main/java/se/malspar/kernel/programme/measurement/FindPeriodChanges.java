package se.malspar.kernel.programme.measurement;

import se.malspar.kernel.decision.DecisionId;

/** The follow-up periods a decision closed or reopened. */
public record FindPeriodChanges(DecisionId decisionId) {
}
