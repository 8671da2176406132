package se.malspar.kernel.programme.ambition;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;

import java.time.LocalDate;

/** The review opened by {@code openedBy} ends on {@code effectiveFrom}, by {@code decision}. */
@Revision("1")
public record AmbitionReviewClosed(ProgrammeId programmeId, DecisionReference openedBy, String outcome,
                                   DecisionReference decision, LocalDate effectiveFrom) {
}
