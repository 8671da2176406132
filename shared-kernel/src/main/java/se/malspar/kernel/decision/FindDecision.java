package se.malspar.kernel.decision;

public record FindDecision(DecisionId decisionId) {
}
