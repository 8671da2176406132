package se.malspar.kernel.programme.measurement;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;

/** A follow-up period was closed by a decision: measurements and assessments for it are refused until it is reopened. */
@Revision("1")
public record PeriodClosed(PeriodId periodId, DecisionReference decision) {
}
