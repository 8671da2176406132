package se.malspar.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;

/** Adds an overall goal (e.g. KF4) to a programme; a goal belongs to exactly one programme. */
public record AddGoal(@TargetAggregateIdentifier GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                      DecisionId decision, LocalDate effectiveFrom) {
}
