package se.malspar.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;

public record CreateProgramme(@TargetAggregateIdentifier ProgrammeId programmeId, String name, String ownerOrgan,
                              DecisionId decision, LocalDate effectiveFrom) {
}
