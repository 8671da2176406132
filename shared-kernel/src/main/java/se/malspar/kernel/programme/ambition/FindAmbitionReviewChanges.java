package se.malspar.kernel.programme.ambition;

import se.malspar.kernel.decision.DecisionId;

/** The openings and closings of ambition reviews a decision authorised, as a decision's changes. */
public record FindAmbitionReviewChanges(DecisionId decisionId) {
}
