package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a verdict used, and nothing more, so that its size does not grow with the indicator's history: the
 * rules and målvärde in force, the indicator's direction and kind, the observation assessed (with the
 * reference values it was compared with) and the earlier one a trend or target year compared with; and
 * {@code sources}, the indicator's own events they came from. {@link #toAssessmentInput()} gives the principle
 * exactly what it needs to give the same verdict again: a revisor recomputes any verdict from this alone.
 */
public record VerdictInputs(String period, List<AmbitionRule> rules, boolean ambiguous, Direction direction,
                            IndicatorKind kind, BigDecimal targetValue, Integer targetYear, Observation observation,
                            Observation previous, Sources sources) {

    public VerdictInputs {
        rules = rules == null ? List.of() : List.copyOf(rules);
        sources = sources == null ? Sources.UNKNOWN : sources;
    }

    /**
     * The aggregate sequence numbers (within the indicator's own event stream) of the events each input came
     * from; null where the input was not used, or is not known (a verdict of the first revision named none).
     * {@code ambitionCorrection} is the correction that last changed the ambition level in force, if any.
     */
    public record Sources(Long definition, Long ambitionLevel, Long ambitionCorrection, Long targetValue,
                          Long observation, Long previous) {

        public static final Sources UNKNOWN = new Sources(null, null, null, null, null, null);
    }

    /** The inputs a decision used: the observation it assessed and the earlier one it compared with. */
    public static VerdictInputs of(Decision decision, Sources sources) {
        AssessmentInput in = decision.input();
        return new VerdictInputs(in.period(), in.rules(), in.ambiguous(), in.direction(), in.kind(), in.targetValue(),
                in.targetYear(), decision.observation(), decision.previous(), sources);
    }

    /**
     * The principle's input that gives the same decision: the history cut down to the two observations the
     * decision used (the principle picks the latest with data, and the latest earlier one with a value for
     * another data period, so nothing else can change the result).
     */
    public AssessmentInput toAssessmentInput() {
        List<Observation> history = new ArrayList<>(2);
        if (previous != null) {
            history.add(previous);
        }
        if (observation != null) {
            history.add(observation);
        }
        return new AssessmentInput(period, rules, ambiguous, direction, kind, targetValue, targetYear, history);
    }

    /** Whether the level these inputs were assessed against (rules, their reading, målvärde) is the same. */
    public boolean sameLevelAs(VerdictInputs other) {
        return other != null && rules.equals(other.rules) && ambiguous == other.ambiguous
                && (targetValue == null ? other.targetValue == null
                : other.targetValue != null && targetValue.compareTo(other.targetValue) == 0)
                && Objects.equals(targetYear, other.targetYear);
    }
}
