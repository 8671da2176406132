package se.malspar.kernel.programme.ambition;

import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/** The programme's ambition levels are under review (omarbetning) from {@code effectiveFrom}, by {@code decision}. */
public record AmbitionReviewOpened(ProgrammeId programmeId, String subject, DecisionReference decision,
                                   LocalDate effectiveFrom) {
}
