package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.GoalId;

import java.time.LocalDate;

/**
 * How many delmål a paper says a goal has (seed 000 l.169: "fyra delmål för uppföljning under
 * varje övergripande mål"), whether or not the papers name them all: the tree then says how many
 * are named of how many. Dated like the structure (day, month or year precision).
 */
public record StateDelmalCount(@TargetAggregateIdentifier GoalId goalId, int count, DecisionId decision,
                               LocalDate effectiveFrom, DatePrecision effectiveFromPrecision) {
}
