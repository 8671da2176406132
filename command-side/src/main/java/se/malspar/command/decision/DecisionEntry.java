package se.malspar.command.decision;

import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;

/** What the register says about a decision right after a command: the admin API's answer. */
record DecisionEntry(DecisionId decisionId, String citation, boolean incomplete, LocalDate effectiveFrom) {
}
