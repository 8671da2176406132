package se.malspar.kernel.programme.ambition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.IndicatorId;

import java.util.List;

/**
 * Fixes an entry error in a recorded ambition level: not a decision, so it carries a reason and
 * no authority of its own. {@code correctsDecision} picks the entry (the one that decision set);
 * null picks the latest entry. A null {@code text} keeps the text and corrects only the rules.
 */
public record CorrectAmbitionLevel(@TargetAggregateIdentifier IndicatorId indicatorId, DecisionId correctsDecision,
                                   String text, List<AmbitionRule> rules, String reason,
                                   @TargetAggregateVersion Long expectedVersion) {
}
