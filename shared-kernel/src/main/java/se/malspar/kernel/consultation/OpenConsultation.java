package se.malspar.kernel.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;

/** Opens a consultation round (remiss); the decision that sent it and the day it went out only when known. */
public record OpenConsultation(@TargetAggregateIdentifier ConsultationId consultationId, String title,
                               DecisionId decision, LocalDate sentOn) {
}
