package se.malspar.kernel.revision;

import se.malspar.kernel.decision.DecisionId;

/** A decision's revision status, its verifications and which of its changes they cover. */
public record FindDecisionRevision(DecisionId decisionId) {
}
