package se.malspar.kernel.decision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A planned decision shown to be taken: {@code adoptedOn} the day, {@code adoptedBy} what shows it
 * (e.g. the minute paragraph that adopted it), {@code note} anything else the register should say.
 */
@Revision("1")
public record DecisionAdopted(
        DecisionId decisionId,
        String citation,
        LocalDate adoptedOn,
        String adoptedBy,
        String note) {
}
