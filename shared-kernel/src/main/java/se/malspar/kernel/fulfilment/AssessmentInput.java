package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the principle may use to assess one indicator for one report period: the
 * structured ambition rules in force (and whether their reading is ambiguous), the indicator's
 * kind and direction, the decided target value and year if any, and the history of
 * observations up to and including the period (one per report period, oldest first; the period
 * itself may be missing).
 */
public record AssessmentInput(String period, List<AmbitionRule> rules, boolean ambiguous, Direction direction,
                              IndicatorKind kind, BigDecimal targetValue, Integer targetYear,
                              List<Observation> history) {

    public AssessmentInput {
        rules = rules == null ? List.of() : List.copyOf(rules);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
