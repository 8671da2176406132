package se.malspar.command.decision;

import se.malspar.kernel.decision.DecisionId;

import java.util.Optional;

/**
 * The command side's own view of the decision register, for set-based rules (a citation is
 * registered once) and for checking the decision behind every programme change. It is written
 * in the same transaction as the decision events, so it is never behind them.
 */
interface DecisionLookup {

    Optional<DecisionId> findByCitation(String canonicalCitation);
}
