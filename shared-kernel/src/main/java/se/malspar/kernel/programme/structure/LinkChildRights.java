package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.GoalId;

import java.time.LocalDate;
import java.util.List;

/**
 * Links a goal to the articles of the UN Convention on the Rights of the Child (Barnkonventionen)
 * it serves, e.g. art. 2 and 3 (seed 001, point 5). Replaces the goal's earlier set; an empty list
 * unlinks it.
 */
public record LinkChildRights(@TargetAggregateIdentifier GoalId goalId, List<Integer> articles, DecisionId decision,
                              LocalDate effectiveFrom) {
}
