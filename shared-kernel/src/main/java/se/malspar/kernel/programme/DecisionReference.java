package se.malspar.kernel.programme;

import se.malspar.kernel.decision.DecisionId;

/** The decision that authorised a change, as it stood in the register when the change was made. */
public record DecisionReference(DecisionId decisionId, String citation) {
}
