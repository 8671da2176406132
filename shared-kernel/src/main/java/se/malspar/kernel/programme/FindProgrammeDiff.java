package se.malspar.kernel.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What changed in force between two dates, as recorded by {@code knownAt}, each change with its
 * decision; {@code documentedBy} (nullable): only what papers dated up to that day say.
 */
public record FindProgrammeDiff(ProgrammeId programmeId, LocalDate from, LocalDate to, Instant knownAt,
                                LocalDate documentedBy) {

    public FindProgrammeDiff(ProgrammeId programmeId, LocalDate from, LocalDate to, Instant knownAt) {
        this(programmeId, from, to, knownAt, null);
    }
}
