package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;

import java.time.LocalDate;

public record AddDelmal(@TargetAggregateIdentifier DelmalId delmalId, GoalId goalId, String name, String description,
                        DecisionId decision, LocalDate effectiveFrom,
        DatePrecision effectiveFromPrecision) {

    /** Taking effect on a day (or on the decision's day). */
    public AddDelmal(DelmalId delmalId, GoalId goalId, String name, String description,
                        DecisionId decision, LocalDate effectiveFrom) {
        this(delmalId, goalId, name, description, decision, effectiveFrom, null);
    }
}
