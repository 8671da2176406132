package se.malspar.query.programme;

import se.malspar.kernel.programme.DecisionReference;

import java.time.LocalDate;

public record ProgrammeSummary(String programmeId, String name, String ownerOrgan, LocalDate effectiveFrom,
                               DecisionReference decision) {
}
