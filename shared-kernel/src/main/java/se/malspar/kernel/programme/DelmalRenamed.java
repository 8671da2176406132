package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DelmalRenamed(DelmalId delmalId, GoalId goalId, String previousName, String name,
                            DecisionReference decision, LocalDate effectiveFrom) {
}
