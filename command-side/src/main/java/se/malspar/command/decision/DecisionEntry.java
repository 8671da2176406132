package se.malspar.command.decision;

import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionStatus;

import java.time.LocalDate;

/** What the register says about a decision right after a command: the admin API's answer. */
record DecisionEntry(DecisionId decisionId, String citation, boolean incomplete, LocalDate effectiveFrom,
                     DecisionStatus status) {

    /** An adopted decision. */
    DecisionEntry(DecisionId decisionId, String citation, boolean incomplete, LocalDate effectiveFrom) {
        this(decisionId, citation, incomplete, effectiveFrom, DecisionStatus.ADOPTED);
    }
}
