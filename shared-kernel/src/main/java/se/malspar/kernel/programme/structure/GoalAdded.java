package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;
import java.util.List;

// Revision 2 added effectiveFromPrecision (DAY|MONTH|YEAR); a revision-1 event has none: DAY, its default.
// Revision 3 added contributesTo (goals of other programmes this one contributes to); older events have none: [].
@Revision("3")
public record GoalAdded(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                        DecisionReference decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision, List<GoalId> contributesTo) {

    public GoalAdded {
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
        contributesTo = contributesTo == null ? List.of() : List.copyOf(contributesTo);
    }

    /** Contributing to no other goal. */
    public GoalAdded(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                     DecisionReference decision, LocalDate effectiveFrom, DatePrecision effectiveFromPrecision) {
        this(goalId, programmeId, name, goalArea, decision, effectiveFrom, effectiveFromPrecision, List.of());
    }

    /** Taking effect on a known day. */
    public GoalAdded(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                        DecisionReference decision, LocalDate effectiveFrom) {
        this(goalId, programmeId, name, goalArea, decision, effectiveFrom, DatePrecision.DAY);
    }
}
