package se.malspar.kernel.programme.ambition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/**
 * An adopted assignment to revise the programme's ambition levels (an omarbetning, e.g. KSAU
 * 2022-02-23 § 38: "återkomma med uppdaterad ambitionsnivå"): from {@code effectiveFrom} (default
 * the decision's day) the levels in force are under review until a decision closes it. Named
 * "ambition review" because "revision" in this code base is the revisor's verification.
 * {@code subject} says what the assignment concerns, in its words.
 */
public record OpenAmbitionReview(@TargetAggregateIdentifier ProgrammeId programmeId, String subject,
                                 DecisionId decision, LocalDate effectiveFrom) {
}
