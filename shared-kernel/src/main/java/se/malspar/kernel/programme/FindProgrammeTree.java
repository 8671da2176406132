package se.malspar.kernel.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The goal tree as in force on {@code validAt}, according to what was recorded by {@code knownAt},
 * with the fulfilment of report period {@code period} (null: the latest period with a verdict).
 * {@code documentedBy} (nullable): only what papers dated up to that day say. {@code goalId} /
 * {@code delmalId} (nullable): only that goal, or only that delmål, of the tree.
 */
public record FindProgrammeTree(ProgrammeId programmeId, LocalDate validAt, Instant knownAt, String period,
                                LocalDate documentedBy, GoalId goalId, DelmalId delmalId) {

    /** The whole tree, as recorded. */
    public FindProgrammeTree(ProgrammeId programmeId, LocalDate validAt, Instant knownAt, String period) {
        this(programmeId, validAt, knownAt, period, null, null, null);
    }
}
