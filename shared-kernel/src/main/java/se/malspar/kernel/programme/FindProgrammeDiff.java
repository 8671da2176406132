package se.malspar.kernel.programme;

import java.time.Instant;
import java.time.LocalDate;

/** What changed in force between two dates, as recorded by {@code knownAt}, each change with its decision. */
public record FindProgrammeDiff(ProgrammeId programmeId, LocalDate from, LocalDate to, Instant knownAt) {
}
