package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;

import java.time.LocalDate;

@Revision("1")
public record DelmalRenamed(DelmalId delmalId, GoalId goalId, String previousName, String name,
                            DecisionReference decision, LocalDate effectiveFrom) {
}
