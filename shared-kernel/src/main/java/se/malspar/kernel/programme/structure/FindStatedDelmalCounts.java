package se.malspar.kernel.programme.structure;

import se.malspar.kernel.programme.ProgrammeId;

/** Every delmål count stated for the goals of a programme, as recorded, oldest first. */
public record FindStatedDelmalCounts(ProgrammeId programmeId) {
}
