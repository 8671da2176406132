package se.malspar.kernel.programme;

import java.time.Instant;

/**
 * Every day on which something in the programme took effect (a goal, delmål, indicator, ambition
 * level or target value), as recorded by {@code knownAt}, in order: the dates worth stepping through.
 */
public record FindProgrammeChangeDates(ProgrammeId programmeId, Instant knownAt) {
}
