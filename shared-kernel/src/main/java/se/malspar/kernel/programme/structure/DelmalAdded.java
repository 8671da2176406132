package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

// Revision 2 added effectiveFromPrecision (DAY|MONTH|YEAR); a revision-1 event has none: DAY, its default.
@Revision("2")
public record DelmalAdded(DelmalId delmalId, GoalId goalId, ProgrammeId programmeId, String name, String description,
                          DecisionReference decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision) {

    public DelmalAdded {
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
    }

    /** Taking effect on a known day. */
    public DelmalAdded(DelmalId delmalId, GoalId goalId, ProgrammeId programmeId, String name, String description,
                          DecisionReference decision, LocalDate effectiveFrom) {
        this(delmalId, goalId, programmeId, name, description, decision, effectiveFrom, DatePrecision.DAY);
    }
}
