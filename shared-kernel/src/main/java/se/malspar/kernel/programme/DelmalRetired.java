package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DelmalRetired(DelmalId delmalId, GoalId goalId, DecisionReference decision, LocalDate effectiveFrom) {
}
