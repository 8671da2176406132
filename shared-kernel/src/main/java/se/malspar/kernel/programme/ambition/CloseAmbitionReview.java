package se.malspar.kernel.programme.ambition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/**
 * The decision that closes the review under way (typically the one adopting the updated levels);
 * {@code outcome} says what it decided, in its words. Only an adopted decision may close it.
 */
public record CloseAmbitionReview(@TargetAggregateIdentifier ProgrammeId programmeId, String outcome,
                                  DecisionId decision, LocalDate effectiveFrom) {
}
