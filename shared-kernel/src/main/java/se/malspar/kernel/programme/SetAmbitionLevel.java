package se.malspar.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.decision.DecisionId;

import java.time.LocalDate;
import java.util.List;

/**
 * A decided ambition level. The verbatim text is always kept; {@code rules} is the client's own
 * structured reading (null: the reader's reading is used), validated against the text.
 */
public record SetAmbitionLevel(@TargetAggregateIdentifier IndicatorId indicatorId, String text, List<AmbitionRule> rules,
                               DecisionId decision, LocalDate effectiveFrom,
                               @TargetAggregateVersion Long expectedVersion) {
}
