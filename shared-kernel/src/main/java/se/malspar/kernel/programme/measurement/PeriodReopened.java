package se.malspar.kernel.programme.measurement;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;

/** A closed follow-up period was reopened by a decision, for the reason given. */
@Revision("1")
public record PeriodReopened(PeriodId periodId, DecisionReference decision, String reason) {
}
