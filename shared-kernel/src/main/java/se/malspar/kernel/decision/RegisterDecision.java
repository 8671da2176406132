package se.malspar.kernel.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Enters a board decision (a minute paragraph) in the register. Every later change of the
 * programme names a registered decision.
 *
 * @param effectiveFrom when the decision takes effect; when absent it is the meeting date, or
 *                      unknown when the paper gives only a month
 * @param note          what the register should say about the entry, e.g. what the papers leave out
 * @param status        ADOPTED (when absent) or PLANNED: the papers show it only planned or proposed
 */
public record RegisterDecision(
        @TargetAggregateIdentifier DecisionId decisionId,
        Citation citation,
        String caseNumber,
        String title,
        String protocolUrl,
        LocalDate effectiveFrom,
        String note,
        DecisionStatus status) {

    /** Adopted. */
    public RegisterDecision(DecisionId decisionId, Citation citation, String caseNumber, String title,
                            String protocolUrl, LocalDate effectiveFrom, String note) {
        this(decisionId, citation, caseNumber, title, protocolUrl, effectiveFrom, note, null);
    }

    /** Adopted, without a note. */
    public RegisterDecision(DecisionId decisionId, Citation citation, String caseNumber, String title,
                            String protocolUrl, LocalDate effectiveFrom) {
        this(decisionId, citation, caseNumber, title, protocolUrl, effectiveFrom, null, null);
    }
}
