package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

// Revision 2 added effectiveFromPrecision (DAY|MONTH|YEAR); a revision-1 event has none: DAY, its default.
@Revision("2")
public record ProgrammeCreated(ProgrammeId programmeId, String name, String ownerOrgan,
                               DecisionReference decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision) {

    public ProgrammeCreated {
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
    }

    /** Taking effect on a known day. */
    public ProgrammeCreated(ProgrammeId programmeId, String name, String ownerOrgan,
                               DecisionReference decision, LocalDate effectiveFrom) {
        this(programmeId, name, ownerOrgan, decision, effectiveFrom, DatePrecision.DAY);
    }
}
