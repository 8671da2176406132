package se.malspar.kernel.consultation;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;

import java.time.LocalDate;

/** A consultation round was opened; {@code decision} and {@code sentOn} are null when no paper gives them. */
@Revision("1")
public record ConsultationOpened(ConsultationId consultationId, String title, DecisionReference decision,
                                 LocalDate sentOn) {
}
