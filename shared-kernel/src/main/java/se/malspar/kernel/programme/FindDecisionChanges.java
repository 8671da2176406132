package se.malspar.kernel.programme;

import se.malspar.kernel.decision.DecisionId;

/** Every programme change a decision authorised, with what stood before and after. */
public record FindDecisionChanges(DecisionId decisionId) {
}
