package se.malspar.kernel.programme.ambition;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/** The programme's ambition levels are under review (omarbetning) from {@code effectiveFrom}, by {@code decision}. */
@Revision("1")
public record AmbitionReviewOpened(ProgrammeId programmeId, String subject, DecisionReference decision,
                                   LocalDate effectiveFrom) {
}
