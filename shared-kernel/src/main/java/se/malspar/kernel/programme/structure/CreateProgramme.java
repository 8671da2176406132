package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

public record CreateProgramme(@TargetAggregateIdentifier ProgrammeId programmeId, String name, String ownerOrgan,
                              DecisionId decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision) {

    /** Taking effect on a day (or on the decision's day). */
    public CreateProgramme(ProgrammeId programmeId, String name, String ownerOrgan,
                              DecisionId decision, LocalDate effectiveFrom) {
        this(programmeId, name, ownerOrgan, decision, effectiveFrom, null);
    }
}
