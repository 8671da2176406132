package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProgrammeCreated(ProgrammeId programmeId, String name, String ownerOrgan,
                               DecisionReference decision, LocalDate effectiveFrom) {
}
