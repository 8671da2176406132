package se.malspar.kernel.programme.structure;

import se.malspar.kernel.decision.DecisionId;

/** The Barnkonventionen links a decision made (one change per goal it linked). */
public record FindChildRightsChanges(DecisionId decisionId) {
}
