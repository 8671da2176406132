package se.malspar.kernel.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records that a planned decision was taken: on which day, and what shows it (the adopting
 * citation or paper). Required both, so an adoption is never recorded without its evidence.
 */
public record AdoptDecision(
        @TargetAggregateIdentifier DecisionId decisionId,
        LocalDate adoptedOn,
        String adoptedBy,
        String note) {
}
