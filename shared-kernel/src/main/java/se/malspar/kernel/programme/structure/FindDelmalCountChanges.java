package se.malspar.kernel.programme.structure;

import se.malspar.kernel.decision.DecisionId;

/** The delmål counts a decision stated, as a decision's changes. */
public record FindDelmalCountChanges(DecisionId decisionId) {
}
