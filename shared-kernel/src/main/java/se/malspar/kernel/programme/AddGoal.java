package se.malspar.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import se.malspar.kernel.common.DatePrecision;

import java.time.LocalDate;

/** Adds an overall goal (e.g. KF4) to a programme; a goal belongs to exactly one programme. */
public record AddGoal(@TargetAggregateIdentifier GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                      DecisionId decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision) {

    /** Taking effect on a day (or on the decision's day). */
    public AddGoal(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                      DecisionId decision, LocalDate effectiveFrom) {
        this(goalId, programmeId, name, goalArea, decision, effectiveFrom, null);
    }
}
