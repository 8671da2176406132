package se.malspar.kernel.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Corrects an entry error in the register (or completes what a paper found later gives, such
 * as the paragraph). A field left null is not corrected. The organ cannot be corrected: a
 * paragraph of another organ is another decision. The reason is required.
 */
public record CorrectDecision(
        @TargetAggregateIdentifier DecisionId decisionId,
        MeetingDate meetingDate,
        Integer paragraph,
        String caseNumber,
        String title,
        String protocolUrl,
        LocalDate effectiveFrom,
        String reason) {
}
