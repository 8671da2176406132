package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.fulfilment.Decision.Check;
import se.malspar.kernel.fulfilment.Decision.Finding;
import se.malspar.kernel.fulfilment.Decision.Outcome;
import se.malspar.kernel.fulfilment.Decision.Progress;
import se.malspar.kernel.fulfilment.Decision.Stop;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The common assessment principle for måluppfyllelse (seed 000: "uppfyllt, delvis uppfyllt, ej uppfyllt" must
 * be quantitative and objective; seed 001 point 7: one stable principle that survives missing data; seed 003:
 * "Varför blev det rött?"). KS may always add its own judgement on top (seed 002 point 7); that is recorded
 * elsewhere, never here.
 *
 * <p>Pure: no clock, no randomness, no I/O; the same input always gives the same assessment. All arithmetic is
 * {@link BigDecimal}. {@link #decide} gives the outcome and its steps as data ({@link Decision}), with no words;
 * {@link AssessmentNarrator} words them in Swedish and English from the message bundles beside it, where numbers
 * are rounded to one decimal for display only.
 *
 * <h2>The principle, version {@value #VERSION}</h2>
 * <ol>
 *   <li>No level: no rules and no decided målvärde → NOT_ASSESSED.</li>
 *   <li>Ambiguous reading (the reading is flagged ambiguous, or a rule has a margin without a unit) →
 *       NOT_ASSESSED, "tvetydig ambitionsnivå"; procent and procentenheter are never guessed.</li>
 *   <li>Rules for two or more target groups → NOT_ASSESSED, "värdet anger inte målgrupp" (one value cannot
 *       be two populations). Rules for a single named group are assessed with the indicator's value.</li>
 *   <li>Data: the observation recorded for the period; when there is none, the latest earlier observation
 *       at most {@value #CARRY_FORWARD_LIMIT} report periods older is carried forward and marked
 *       {@code carriedForward}; otherwise NOT_ASSESSED, "data saknas".</li>
 *   <li>Each rule gives HOLDS, PARTLY, FAILS or UNKNOWN (see {@link #assess}); comparators are applied as
 *       written ("över riket" means a higher value), the indicator's direction only decides what a positive
 *       trend and a met målvärde mean.</li>
 *   <li>Rules that cannot be assessed (UNKNOWN) are named and left out; none left → NOT_ASSESSED. All
 *       assessed rules HOLD → GREEN; all FAIL → RED; otherwise YELLOW.</li>
 * </ol>
 */
public final class AssessmentPrinciple {

    /** The version of the principle; stored with every assessment so that a later change is visible. */
    public static final String VERSION = "1.0";

    /** How many report periods back the latest earlier observation may be carried forward (one year). */
    public static final int CARRY_FORWARD_LIMIT = 3;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AssessmentPrinciple() {
    }

    /** A verdict derived from other verdicts, with the rule and the counts spelled out. */
    public record Combination(Verdict verdict, String explanationSv, String explanationEn) {
    }

    /** Assesses one indicator for one report period: {@link #decide}, worded by {@link AssessmentNarrator}. */
    public static Assessment assess(AssessmentInput input) {
        return AssessmentNarrator.narrate(decide(input));
    }

    /**
     * Decides one indicator for one report period.
     *
     * <p>Per rule: a comparison (ABOVE, BELOW, AT_LEAST, AT_MOST) against riket/länet holds when the value is
     * beyond the reference moved by the margin (PERCENTAGE_POINTS and ABSOLUTE: reference ± margin; PERCENT:
     * reference × (1 ± margin/100)); it is PARTLY when the margin is not reached but the value is beyond the
     * bare reference. Against an ABSOLUTE threshold the margin is the threshold. POSITIVE_TREND compares with
     * the latest earlier value that describes another data period: better in the indicator's direction holds,
     * unchanged is PARTLY, worse fails. DONE holds when the activity is done. A målvärde holds when the value
     * is at or beyond it in the indicator's direction. A rule (or målvärde) with a target year that is not yet
     * reached (the year is reached at its annual report, ÅR) and not met is PARTLY ("på väg") unless the value
     * got worse since the previous value, then it FAILS. A missing value, reference value or direction makes
     * the rule UNKNOWN.
     */
    public static Decision decide(AssessmentInput input) {
        Objects.requireNonNull(input, "input is required");
        if (!FollowUpPeriod.isValid(input.period())) {
            throw new IllegalArgumentException("period must look like 2022-T1, 2022-T2 or 2022-AR, was " + input.period());
        }
        for (Observation o : input.history()) {
            if (o == null || !FollowUpPeriod.isValid(o.period())) {
                throw new IllegalArgumentException("every observation needs a valid period, was " + o);
            }
        }
        List<AmbitionRule> rules = input.rules();
        // 1. No level.
        if (rules.isEmpty() && input.targetValue() == null) {
            return stop(input, Stop.NO_LEVEL, List.of(), Set.of(), null, 0);
        }
        // 2. Ambiguous.
        List<AmbitionRule> unitless = rules.stream()
                .filter(r -> r.margin() != null && r.marginUnit() == null).toList();
        if (input.ambiguous() || !unitless.isEmpty()) {
            return stop(input, Stop.AMBIGUOUS, unitless, Set.of(), null, 0);
        }
        // 3. Target groups.
        Set<String> groups = new LinkedHashSet<>();
        rules.stream().map(AmbitionRule::targetGroup).filter(Objects::nonNull).forEach(groups::add);
        if (groups.size() > 1) {
            return stop(input, Stop.TARGET_GROUPS, List.of(), groups, null, 0);
        }
        // 4. Data.
        List<Observation> history = sorted(input.history(), input.period());
        Observation chosen = null;
        for (int i = history.size() - 1; i >= 0 && chosen == null; i--) {
            if (hasData(history.get(i))) {
                chosen = history.get(i);
            }
        }
        if (chosen == null) {
            return stop(input, Stop.NO_DATA, List.of(), groups, null, 0);
        }
        int age = periodIndex(input.period()) - periodIndex(chosen.period());
        if (age > CARRY_FORWARD_LIMIT) {
            return stop(input, Stop.DATA_TOO_OLD, List.of(), groups, chosen, age);
        }
        Observation previous = baseline(history, chosen);

        // 5. Rules.
        List<Check> checks = new ArrayList<>();
        for (AmbitionRule rule : rules) {
            checks.add(switch (rule.comparator()) {
                case DONE -> done(rule, chosen, input.period(), input.direction());
                case POSITIVE_TREND -> trend(rule, chosen, previous, input.direction());
                default -> compare(rule, chosen, previous, input.period(), input.direction());
            });
        }
        if (input.targetValue() != null) {
            checks.add(target(input.targetValue(), input.targetYear(), chosen, previous, input.period(),
                    input.direction()));
        }

        // 6. Together.
        long assessed = checks.stream().filter(c -> c.outcome() != Outcome.UNKNOWN).count();
        long holds = checks.stream().filter(c -> c.outcome() == Outcome.HOLDS).count();
        long fails = checks.stream().filter(c -> c.outcome() == Outcome.FAILS).count();
        Verdict verdict = assessed == 0 ? Verdict.NOT_ASSESSED
                : holds == assessed ? Verdict.GREEN
                : fails == assessed ? Verdict.RED
                : Verdict.YELLOW;
        return new Decision(input, verdict, null, List.of(), groups, chosen, previous, age, checks);
    }

    private static Decision stop(AssessmentInput input, Stop stop, List<AmbitionRule> unitless, Set<String> groups,
                                 Observation observation, int age) {
        return new Decision(input, Verdict.NOT_ASSESSED, stop, unitless, groups, observation, null, age, List.of());
    }

    // ------------------------------------------------------------------------------------------------------
    // Delmål and goal
    // ------------------------------------------------------------------------------------------------------

    /**
     * A delmål's verdict from its indicators' verdicts, and a goal's from its delmål's verdicts: NOT_ASSESSED
     * when none is assessed; GREEN when every assessed one is GREEN; RED when more than half of the assessed
     * are RED; otherwise YELLOW. NOT_ASSESSED (and null) entries do not count either way.
     */
    public static Verdict combine(List<Verdict> verdicts) {
        List<Verdict> all = verdicts == null ? List.of() : verdicts;
        long green = all.stream().filter(v -> v == Verdict.GREEN).count();
        long red = all.stream().filter(v -> v == Verdict.RED).count();
        long assessed = green + red + all.stream().filter(v -> v == Verdict.YELLOW).count();
        if (assessed == 0) {
            return Verdict.NOT_ASSESSED;
        }
        return green == assessed ? Verdict.GREEN : 2 * red > assessed ? Verdict.RED : Verdict.YELLOW;
    }

    /** {@link #combine} with the counts and the rule spelled out in Swedish and English. */
    public static Combination combineExplained(List<Verdict> verdicts) {
        List<Verdict> all = verdicts == null ? List.of() : verdicts;
        Verdict verdict = combine(all);
        return new Combination(verdict, AssessmentNarrator.combination(all, verdict, AssessmentNarrator.SV),
                AssessmentNarrator.combination(all, verdict, AssessmentNarrator.EN));
    }

    // ------------------------------------------------------------------------------------------------------
    // Periods
    // ------------------------------------------------------------------------------------------------------

    /** Orders report periods: 2021-T1 < 2021-T2 < 2021-AR < 2022-T1; the difference counts report periods. */
    public static int periodIndex(String period) {
        return FollowUpPeriod.index(period);
    }

    /** Whether the target year is reached at this report period: from that year's annual report (ÅR) on. */
    public static boolean targetYearReached(String period, int targetYear) {
        return periodIndex(period) >= targetYear * 3 + 2;
    }

    private static List<Observation> sorted(List<Observation> history, String period) {
        int limit = periodIndex(period);
        // Stable sort: of several observations for one period, the last one given wins.
        return history.stream()
                .filter(o -> periodIndex(o.period()) <= limit)
                .sorted(Comparator.comparingInt(o -> periodIndex(o.period())))
                .toList();
    }

    private static boolean hasData(Observation o) {
        return o.value() != null || o.done() != null;
    }

    /** The latest earlier observation with a value that describes another data period than {@code current}. */
    private static Observation baseline(List<Observation> history, Observation current) {
        if (current.value() == null) {
            return null;
        }
        int index = periodIndex(current.period());
        Observation found = null;
        for (Observation o : history) {
            if (periodIndex(o.period()) < index && o.value() != null
                    && (o.dataPeriod() == null || current.dataPeriod() == null
                    || !o.dataPeriod().equals(current.dataPeriod()))) {
                found = o;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------------
    // Conditions
    // ------------------------------------------------------------------------------------------------------

    private static Check done(AmbitionRule rule, Observation obs, String period, Direction direction) {
        if (obs.done() == null) {
            return check(rule, direction, Outcome.UNKNOWN, Finding.DONE_NOT_REPORTED, obs);
        }
        if (obs.done()) {
            return check(rule, direction, Outcome.HOLDS, Finding.DONE, obs);
        }
        if (rule.targetYear() != null && !targetYearReached(period, rule.targetYear())) {
            return new Check(rule, null, rule.targetYear(), direction, Outcome.PARTLY, Finding.DONE,
                    Progress.ON_THE_WAY, false, null, null, null, null, null, null, null, null, null);
        }
        return check(rule, direction, Outcome.FAILS, Finding.DONE, obs);
    }

    private static Check trend(AmbitionRule rule, Observation obs, Observation previous, Direction direction) {
        if (obs.value() == null) {
            return check(rule, direction, Outcome.UNKNOWN, Finding.NO_VALUE, obs);
        }
        if (direction == null) {
            return check(rule, null, Outcome.UNKNOWN, Finding.NO_DIRECTION, obs);
        }
        if (previous == null) {
            return check(rule, direction, Outcome.UNKNOWN, Finding.NO_PREVIOUS, obs);
        }
        BigDecimal diff = obs.value().subtract(previous.value());
        int better = direction == Direction.HIGHER_IS_BETTER ? diff.signum() : -diff.signum();
        Outcome outcome = better > 0 ? Outcome.HOLDS : better == 0 ? Outcome.PARTLY : Outcome.FAILS;
        return new Check(rule, null, rule.targetYear(), direction, outcome, Finding.TREND, null, obs.done(),
                obs.value(), null, null, null, diff, null, null, previous, diff);
    }

    private static Check compare(AmbitionRule rule, Observation obs, Observation previous, String period,
                                 Direction direction) {
        BigDecimal value = obs.value();
        if (value == null) {
            return check(rule, direction, Outcome.UNKNOWN, Finding.NO_VALUE, obs);
        }
        RuleComparator c = rule.comparator();
        if (rule.reference() == RuleReference.ABSOLUTE) {
            BigDecimal threshold = rule.margin();
            Outcome outcome = satisfies(c, value, threshold) ? Outcome.HOLDS : Outcome.FAILS;
            return finish(rule, null, rule.targetYear(), outcome, obs, previous, period, direction, null, null,
                    threshold, value.subtract(threshold), null, null);
        }
        ReferenceArea area = rule.reference() == RuleReference.NATIONAL ? ReferenceArea.NATIONAL : ReferenceArea.COUNTY;
        BigDecimal ref = obs.referenceValues().get(area);
        if (ref == null) {
            return new Check(rule, null, rule.targetYear(), direction, Outcome.UNKNOWN, Finding.NO_REFERENCE, null,
                    obs.done(), value, area, null, null, null, null, null, null, null);
        }
        BigDecimal margin = rule.margin();
        BigDecimal required;
        BigDecimal relative = null;
        BigDecimal factor = null;
        boolean up = c == RuleComparator.ABOVE || c == RuleComparator.AT_LEAST;
        if (margin == null || margin.signum() == 0) {
            required = ref;
        } else if (rule.marginUnit() == MarginUnit.PERCENT) {
            if (ref.signum() <= 0) {
                return new Check(rule, null, rule.targetYear(), direction, Outcome.UNKNOWN,
                        Finding.REFERENCE_NOT_POSITIVE, null, obs.done(), value, area, ref, null, null, null, null,
                        null, null);
            }
            factor = up ? BigDecimal.ONE.add(margin.movePointLeft(2)) : BigDecimal.ONE.subtract(margin.movePointLeft(2));
            required = ref.multiply(factor);
            relative = value.subtract(ref).multiply(HUNDRED).divide(ref, 10, RoundingMode.HALF_UP);
        } else {
            required = up ? ref.add(margin) : ref.subtract(margin);
        }
        Outcome outcome;
        if (satisfies(c, value, required)) {
            outcome = Outcome.HOLDS;
        } else if (margin != null && margin.signum() > 0 && satisfies(c, value, ref)) {
            outcome = Outcome.PARTLY;
        } else {
            outcome = Outcome.FAILS;
        }
        return finish(rule, null, rule.targetYear(), outcome, obs, previous, period, direction, area, ref, required,
                value.subtract(ref), relative, factor);
    }

    private static Check target(BigDecimal target, Integer targetYear, Observation obs, Observation previous,
                                String period, Direction direction) {
        if (obs.value() == null || direction == null) {
            return new Check(null, target, targetYear, direction, Outcome.UNKNOWN,
                    obs.value() == null ? Finding.NO_VALUE : Finding.NO_DIRECTION, null, obs.done(), obs.value(),
                    null, null, null, null, null, null, null, null);
        }
        BigDecimal diff = obs.value().subtract(target);
        boolean met = direction == Direction.HIGHER_IS_BETTER ? diff.signum() >= 0 : diff.signum() <= 0;
        return finish(null, target, targetYear, met ? Outcome.HOLDS : Outcome.FAILS, obs, previous, period, direction,
                null, null, target, diff, null, null);
    }

    /** Applies the target-year rule: a failure before the target year is "on the way" unless the value got worse. */
    private static Check finish(AmbitionRule rule, BigDecimal target, Integer targetYear, Outcome outcome,
                                Observation obs, Observation previous, String period, Direction direction,
                                ReferenceArea area, BigDecimal ref, BigDecimal required, BigDecimal difference,
                                BigDecimal relative, BigDecimal factor) {
        Progress progress = null;
        BigDecimal change = null;
        if (outcome == Outcome.FAILS && targetYear != null && !targetYearReached(period, targetYear)) {
            change = (previous == null || direction == null) ? null : obs.value().subtract(previous.value());
            int better = change == null ? 0
                    : direction == Direction.HIGHER_IS_BETTER ? change.signum() : -change.signum();
            progress = better < 0 ? Progress.WORSE : Progress.ON_THE_WAY;
            outcome = better < 0 ? Outcome.FAILS : Outcome.PARTLY;
        }
        return new Check(rule, target, targetYear, direction, outcome, Finding.COMPARED, progress, obs.done(),
                obs.value(), area, ref, required, difference, relative, factor, change == null ? null : previous,
                change);
    }

    private static Check check(AmbitionRule rule, Direction direction, Outcome outcome, Finding finding,
                               Observation obs) {
        return new Check(rule, null, rule.targetYear(), direction, outcome, finding, null, obs.done(), obs.value(),
                null, null, null, null, null, null, null, null);
    }

    private static boolean satisfies(RuleComparator c, BigDecimal value, BigDecimal limit) {
        int cmp = value.compareTo(limit);
        return switch (c) {
            case ABOVE -> cmp > 0;
            case AT_LEAST -> cmp >= 0;
            case BELOW -> cmp < 0;
            case AT_MOST -> cmp <= 0;
            default -> throw new IllegalStateException("not a comparison: " + c);
        };
    }
}
