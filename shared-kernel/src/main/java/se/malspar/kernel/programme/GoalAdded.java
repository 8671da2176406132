package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record GoalAdded(GoalId goalId, ProgrammeId programmeId, String name, String goalArea,
                        DecisionReference decision, LocalDate effectiveFrom) {
}
