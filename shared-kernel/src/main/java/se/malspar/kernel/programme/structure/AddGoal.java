package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;
import java.util.List;

/**
 * Adds an overall goal (e.g. KF4) to a programme; a goal belongs to exactly one programme.
 * {@code contributesTo}: the goals of other programmes it contributes to (KS's own goals name KF goals).
 */
public record AddGoal(@TargetAggregateIdentifier GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                      DecisionId decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision, List<GoalId> contributesTo) {

    public AddGoal {
        contributesTo = contributesTo == null ? List.of() : List.copyOf(contributesTo);
    }

    /** Contributing to no other goal. */
    public AddGoal(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                   DecisionId decision, LocalDate effectiveFrom, DatePrecision effectiveFromPrecision) {
        this(goalId, programmeId, name, goalArea, decision, effectiveFrom, effectiveFromPrecision, List.of());
    }

    /** Taking effect on a day (or on the decision's day). */
    public AddGoal(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                      DecisionId decision, LocalDate effectiveFrom) {
        this(goalId, programmeId, name, goalArea, decision, effectiveFrom, null, List.of());
    }
}
