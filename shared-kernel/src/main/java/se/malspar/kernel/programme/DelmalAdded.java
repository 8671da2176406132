package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DelmalAdded(DelmalId delmalId, GoalId goalId, ProgrammeId programmeId, String name, String description,
                          DecisionReference decision, LocalDate effectiveFrom) {
}
