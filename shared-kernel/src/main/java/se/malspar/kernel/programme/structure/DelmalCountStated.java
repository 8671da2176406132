package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/** The goal has {@code count} delmål according to {@code decision}, from {@code effectiveFrom}. */
@Revision("1")
public record DelmalCountStated(GoalId goalId, ProgrammeId programmeId, int count, DecisionReference decision,
                                LocalDate effectiveFrom, DatePrecision effectiveFromPrecision) {

    public DelmalCountStated {
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
    }
}
