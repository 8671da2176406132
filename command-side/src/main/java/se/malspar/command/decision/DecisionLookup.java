package se.malspar.command.decision;

import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The command side's own view of the decision register, for set-based rules (a citation is
 * registered once) and for checking the decision behind every programme change. It is written
 * in the same transaction as the decision events, so it is never behind them.
 */
public interface DecisionLookup {

    Optional<DecisionId> findByCitation(String canonicalCitation);

    Optional<RegisteredDecision> find(DecisionId decisionId);

    /** What a programme change needs to know about the decision behind it. */
    record RegisteredDecision(DecisionId decisionId, String citation, String organ, LocalDate effectiveFrom,
                              boolean incomplete, boolean adopted) {

        /** An adopted decision. */
        public RegisteredDecision(DecisionId decisionId, String citation, String organ, LocalDate effectiveFrom,
                                  boolean incomplete) {
            this(decisionId, citation, organ, effectiveFrom, incomplete, true);
        }
    }
}
