package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link AssessmentPrinciple#decide} found for one indicator and period, as data and without
 * words: why it stopped early ({@code stop}), or the observation it used, the earlier one a trend or
 * target year compared with, and one {@link Check} per condition. {@link AssessmentNarrator} turns it
 * into the steps and the Swedish and English explanation.
 */
public record Decision(AssessmentInput input, Verdict verdict, Stop stop, List<AmbitionRule> unitless,
                       Set<String> groups, Observation observation, Observation previous, int age,
                       List<Check> checks) {

    // groups keep their order: the explanation names them as the rules gave them.

    public Decision {
        unitless = unitless == null ? List.of() : List.copyOf(unitless);
        groups = groups == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Whether the latest earlier observation was carried forward to the period. */
    public boolean carriedForward() {
        return age > 0;
    }

    /** Why the principle gave NOT_ASSESSED before it looked at any rule. */
    public enum Stop { NO_LEVEL, AMBIGUOUS, TARGET_GROUPS, NO_DATA, DATA_TOO_OLD }

    /** The outcome of one condition. */
    public enum Outcome { HOLDS, PARTLY, FAILS, UNKNOWN }

    /** What the condition's outcome rests on. */
    public enum Finding {
        /** An activity: done or not. */
        DONE, DONE_NOT_REPORTED,
        /** A comparison, a trend or a målvärde that could be computed. */
        COMPARED, TREND,
        /** Why a condition could not be assessed. */
        NO_VALUE, NO_DIRECTION, NO_PREVIOUS, NO_REFERENCE, REFERENCE_NOT_POSITIVE
    }

    /** A target year that is not reached changes a failure into "on the way" unless the value got worse. */
    public enum Progress { ON_THE_WAY, WORSE }

    /**
     * One condition: an ambition rule, or the decided målvärde ({@code rule} null, {@code target} given).
     * The numbers are those the outcome was computed from; which are set depends on the finding:
     * {@code reference} and {@code area} for a comparison with riket/länet, {@code required} the limit the
     * value had to pass, {@code difference} value minus reference (or threshold, target, previous value),
     * {@code relative} and {@code factor} for a margin in procent, {@code change} the change since
     * {@code previous} that a target year or trend looked at.
     */
    public record Check(AmbitionRule rule, BigDecimal target, Integer targetYear, Direction direction,
                        Outcome outcome, Finding finding, Progress progress, Boolean done, BigDecimal value,
                        ReferenceArea area, BigDecimal reference, BigDecimal required, BigDecimal difference,
                        BigDecimal relative, BigDecimal factor, Observation previous, BigDecimal change) {

        /** Whether this is the målvärde, not an ambition rule. */
        public boolean isTarget() {
            return rule == null;
        }
    }
}
