package se.malspar.kernel.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The goal tree as in force on {@code validAt}, according to what was recorded by {@code knownAt},
 * with the fulfilment of report period {@code period} (null: the latest period with a verdict).
 */
public record FindProgrammeTree(ProgrammeId programmeId, LocalDate validAt, Instant knownAt, String period) {
}
