package se.malspar.kernel.consultation;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;

/** A remiss answer was linked to the change a decision made to an entity; who linked it is in the metadata. */
@Revision("1")
public record ResponseLinkedToChange(ConsultationId consultationId, String responseId, DecisionReference decision,
                                     String entityId, String reason) {
}
