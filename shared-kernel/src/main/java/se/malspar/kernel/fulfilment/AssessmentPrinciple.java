package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.programme.Direction;
import se.malspar.kernel.programme.FollowUpPeriod;
import se.malspar.kernel.programme.ReferenceArea;

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
 * {@link BigDecimal}; numbers are rounded to one decimal for display only.
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

    /** The outcome of one rule. */
    enum Outcome { HOLDS, PARTLY, FAILS, UNKNOWN }

    private record RuleResult(Outcome outcome, String step, String sv, String en) {
    }

    /** A verdict derived from other verdicts, with the rule and the counts spelled out. */
    public record Combination(Verdict verdict, String explanationSv, String explanationEn) {
    }

    // ------------------------------------------------------------------------------------------------------
    // One indicator
    // ------------------------------------------------------------------------------------------------------

    /**
     * Assesses one indicator for one report period.
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
    public static Assessment assess(AssessmentInput input) {
        Objects.requireNonNull(input, "input is required");
        if (!FollowUpPeriod.isValid(input.period())) {
            throw new IllegalArgumentException("period must look like 2022-T1, 2022-T2 or 2022-AR, was " + input.period());
        }
        for (Observation o : input.history()) {
            if (o == null || !FollowUpPeriod.isValid(o.period())) {
                throw new IllegalArgumentException("every observation needs a valid period, was " + o);
            }
        }
        List<String> steps = new ArrayList<>();
        steps.add("principle " + VERSION + ", period " + input.period());
        List<AmbitionRule> rules = input.rules();
        rules.forEach(r -> steps.add("rule: " + r.describe()));
        if (input.targetValue() != null) {
            steps.add("target value: " + input.targetValue().toPlainString()
                    + (input.targetYear() == null ? "" : " " + input.targetYear()));
        }

        // 1. No level.
        if (rules.isEmpty() && input.targetValue() == null) {
            steps.add("no rules and no target value → NOT_ASSESSED");
            return notAssessed(input, steps, null, false,
                    "ambitionsnivån anger ingen nivå att jämföra med (inga regler och inget målvärde)"
                            + (input.ambiguous() ? "; texten är dessutom tvetydig" : ""),
                    "the ambition level states no level to compare with (no rules and no target value)"
                            + (input.ambiguous() ? "; the text is also ambiguous" : ""));
        }
        // 2. Ambiguous.
        List<AmbitionRule> unitless = rules.stream()
                .filter(r -> r.margin() != null && r.marginUnit() == null).toList();
        if (input.ambiguous() || !unitless.isEmpty()) {
            steps.add("ambiguous reading → NOT_ASSESSED");
            String which = unitless.isEmpty() ? ""
                    : " (" + String.join(", ", unitless.stream().map(AmbitionRule::describe).toList()) + ")";
            return notAssessed(input, steps, null, false,
                    "tvetydig ambitionsnivå" + which + ": texten kan läsas på mer än ett sätt, t.ex. procent eller "
                            + "procentenheter; principen gissar inte. Ambitionsnivån behöver förtydligas",
                    "ambiguous ambition level" + which + ": the text can be read in more than one way, e.g. percent "
                            + "or percentage points; the principle does not guess. The ambition level needs clarifying");
        }
        // 3. Target groups.
        Set<String> groups = new LinkedHashSet<>();
        rules.stream().map(AmbitionRule::targetGroup).filter(Objects::nonNull).forEach(groups::add);
        if (groups.size() > 1) {
            steps.add("target groups " + groups + " → NOT_ASSESSED");
            String list = String.join(", ", groups);
            return notAssessed(input, steps, null, false,
                    "värdet anger inte målgrupp: reglerna gäller olika målgrupper (" + list
                            + ") men mätvärdet har ett enda värde; varje målgrupp behöver ett eget mätvärde",
                    "the value does not state a target group: the rules apply to separate target groups (" + list
                            + ") but the indicator has a single value; each group needs its own indicator");
        }
        // 4. Data.
        List<Observation> history = sorted(input.history(), input.period());
        int periodIndex = periodIndex(input.period());
        Observation chosen = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            Observation o = history.get(i);
            if (hasData(o)) {
                chosen = o;
                break;
            }
        }
        if (chosen == null) {
            steps.add("no observation → NOT_ASSESSED");
            return notAssessed(input, steps, null, false,
                    "data saknas: inget värde finns för " + input.period() + " eller tidigare",
                    "no data: there is no value for " + input.period() + " or earlier");
        }
        int age = periodIndex - periodIndex(chosen.period());
        boolean carried = age > 0;
        if (age > CARRY_FORWARD_LIMIT) {
            steps.add("latest observation " + chosen.period() + " is " + age + " periods old (limit "
                    + CARRY_FORWARD_LIMIT + ") → NOT_ASSESSED");
            return notAssessed(input, steps, null, false,
                    "data saknas: inget värde för " + input.period() + ", och det senaste värdet (" + chosen.period()
                            + ") är " + age + " rapportperioder gammalt; högst " + CARRY_FORWARD_LIMIT
                            + " rapportperioder (ett år) får föras fram",
                    "no data: there is no value for " + input.period() + ", and the latest value (" + chosen.period()
                            + ") is " + age + " report periods old; at most " + CARRY_FORWARD_LIMIT
                            + " report periods (one year) may be carried forward");
        }
        Observation previous = baseline(history, chosen);
        StringBuilder sv = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (carried) {
            steps.add("no observation for " + input.period() + "; carried forward from " + chosen.period()
                    + " (" + age + " period(s) old, limit " + CARRY_FORWARD_LIMIT + ")");
            sv.append("Inget värde för ").append(input.period()).append("; senaste värdet (")
                    .append(chosen.period()).append(") förs fram och är markerat som framfört (högst ")
                    .append(CARRY_FORWARD_LIMIT).append(" rapportperioder). ");
            en.append("No value for ").append(input.period()).append("; the latest value (")
                    .append(chosen.period()).append(") is carried forward and marked as such (at most ")
                    .append(CARRY_FORWARD_LIMIT).append(" report periods). ");
        }
        steps.add("observation " + describe(chosen));
        sv.append("Underlag: ").append(observationSv(chosen))
                .append(" (visas med en decimal; bedömningen räknar med exakta värden). ");
        en.append("Data: ").append(observationEn(chosen))
                .append(" (shown with one decimal; the assessment uses exact values). ");
        if (groups.size() == 1) {
            String g = groups.iterator().next();
            steps.add("single target group " + g + ": the value is taken as the group's value");
            sv.append("Reglerna gäller målgruppen ").append(g).append("; värdet tas som målgruppens värde. ");
            en.append("The rules apply to the target group ").append(g).append("; the value is taken as that group's. ");
        }

        // 5. Rules.
        List<RuleResult> results = new ArrayList<>();
        for (AmbitionRule rule : rules) {
            results.add(evaluate(rule, chosen, previous, input.period(), input.direction()));
        }
        if (input.targetValue() != null) {
            results.add(evaluateTarget(input.targetValue(), input.targetYear(), chosen, previous, input.period(),
                    input.direction()));
        }
        int n = 0;
        for (RuleResult r : results) {
            n++;
            steps.add(r.step() + " → " + r.outcome());
            sv.append(n).append(") ").append(r.sv()).append(' ');
            en.append(n).append(") ").append(r.en()).append(' ');
        }

        // 6. Together.
        List<RuleResult> assessed = results.stream().filter(r -> r.outcome() != Outcome.UNKNOWN).toList();
        long holds = assessed.stream().filter(r -> r.outcome() == Outcome.HOLDS).count();
        long partly = assessed.stream().filter(r -> r.outcome() == Outcome.PARTLY).count();
        long fails = assessed.stream().filter(r -> r.outcome() == Outcome.FAILS).count();
        long unknown = results.size() - assessed.size();
        Verdict verdict;
        if (assessed.isEmpty()) {
            verdict = Verdict.NOT_ASSESSED;
        } else if (holds == assessed.size()) {
            verdict = Verdict.GREEN;
        } else if (fails == assessed.size()) {
            verdict = Verdict.RED;
        } else {
            verdict = Verdict.YELLOW;
        }
        steps.add("holds " + holds + ", partly " + partly + ", fails " + fails + ", unknown " + unknown
                + " → " + verdict);
        String tailSv = unknown == 0 ? "" : ", ej bedömbara " + unknown + " (räknas inte)";
        String tailEn = unknown == 0 ? "" : ", not assessable " + unknown + " (not counted)";
        sv.append("Sammanvägning av ").append(results.size()).append(" villkor: uppfyllda ").append(holds)
                .append(", delvis uppfyllda ").append(partly).append(", ej uppfyllda ").append(fails)
                .append(tailSv).append(". Regel: grönt när alla bedömda villkor är uppfyllda, rött när inget är "
                        + "uppfyllt eller delvis uppfyllt, annars gult.");
        en.append("Together, ").append(results.size()).append(" conditions: met ").append(holds)
                .append(", partly met ").append(partly).append(", not met ").append(fails)
                .append(tailEn).append(". Rule: green when every assessed condition is met, red when none is met "
                        + "or partly met, otherwise yellow.");
        String headSv = "Bedömning för " + input.period() + ": " + colourSv(verdict) + " (princip " + VERSION + "). ";
        String headEn = "Assessment for " + input.period() + ": " + colourEn(verdict) + " (principle " + VERSION + "). ";
        if (verdict == Verdict.NOT_ASSESSED) {
            headSv += "Inget villkor kunde bedömas. ";
            headEn += "No condition could be assessed. ";
        }
        return new Assessment(verdict, VERSION, chosen.period(), carried, steps, headSv + sv, headEn + en);
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
        return combineExplained(verdicts).verdict();
    }

    /** {@link #combine} with the counts and the rule spelled out in Swedish and English. */
    public static Combination combineExplained(List<Verdict> verdicts) {
        List<Verdict> all = verdicts == null ? List.of() : verdicts;
        int green = 0;
        int yellow = 0;
        int red = 0;
        int none = 0;
        for (Verdict v : all) {
            if (v == null || v == Verdict.NOT_ASSESSED) {
                none++;
            } else if (v == Verdict.GREEN) {
                green++;
            } else if (v == Verdict.YELLOW) {
                yellow++;
            } else {
                red++;
            }
        }
        int assessed = green + yellow + red;
        Verdict verdict;
        if (assessed == 0) {
            verdict = Verdict.NOT_ASSESSED;
        } else if (green == assessed) {
            verdict = Verdict.GREEN;
        } else if (2 * red > assessed) {
            verdict = Verdict.RED;
        } else {
            verdict = Verdict.YELLOW;
        }
        String sv = "Sammanvägning (princip " + VERSION + "): " + all.size() + " underliggande bedömningar, "
                + assessed + " bedömda (" + green + " gröna, " + yellow + " gula, " + red + " röda), " + none
                + " ej bedömda. Regel: ej bedömt när inget är bedömt; grönt när alla bedömda är gröna; rött när fler "
                + "än hälften av de bedömda är röda; annars gult. Resultat: " + colourSv(verdict) + ".";
        String en = "Combination (principle " + VERSION + "): " + all.size() + " underlying assessments, " + assessed
                + " assessed (" + green + " green, " + yellow + " yellow, " + red + " red), " + none
                + " not assessed. Rule: not assessed when none is assessed; green when every assessed one is green; "
                + "red when more than half of the assessed are red; otherwise yellow. Result: " + colourEn(verdict) + ".";
        return new Combination(verdict, sv, en);
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
    // Rules
    // ------------------------------------------------------------------------------------------------------

    private static RuleResult evaluate(AmbitionRule rule, Observation obs, Observation previous, String period,
                                       Direction direction) {
        return switch (rule.comparator()) {
            case DONE -> done(rule, obs, period);
            case POSITIVE_TREND -> trend(rule, obs, previous, direction);
            default -> compare(rule, obs, previous, period, direction);
        };
    }

    private static RuleResult done(AmbitionRule rule, Observation obs, String period) {
        String ruleSv = ruleSv(rule);
        String ruleEn = ruleEn(rule);
        String step = rule.describe() + ": done=" + obs.done();
        if (obs.done() == null) {
            return new RuleResult(Outcome.UNKNOWN, step,
                    cap(ruleSv) + ": genomförd eller inte är inte rapporterat; villkoret kan inte bedömas.",
                    cap(ruleEn) + ": done or not is not reported; the condition cannot be assessed.");
        }
        if (obs.done()) {
            return new RuleResult(Outcome.HOLDS, step, cap(ruleSv) + ": genomförd → uppfyllt.",
                    cap(ruleEn) + ": done → met.");
        }
        if (rule.targetYear() != null && !targetYearReached(period, rule.targetYear())) {
            return new RuleResult(Outcome.PARTLY, step + ", target year " + rule.targetYear() + " not reached",
                    cap(ruleSv) + ": inte genomförd ännu, men målåret " + rule.targetYear()
                            + " är inte nått (nås vid årsredovisningen) → delvis uppfyllt.",
                    cap(ruleEn) + ": not done yet, but the target year " + rule.targetYear()
                            + " is not reached (it is at the annual report) → partly met.");
        }
        return new RuleResult(Outcome.FAILS, step, cap(ruleSv) + ": inte genomförd → ej uppfyllt.",
                cap(ruleEn) + ": not done → not met.");
    }

    private static RuleResult trend(AmbitionRule rule, Observation obs, Observation previous, Direction direction) {
        String ruleSv = ruleSv(rule);
        String ruleEn = ruleEn(rule);
        if (obs.value() == null) {
            return unknown(rule, "inget värde är rapporterat", "no value is reported");
        }
        if (direction == null) {
            return unknown(rule, "mätvärdets riktning (högre eller lägre är bättre) saknas",
                    "the indicator's direction (higher or lower is better) is missing");
        }
        if (previous == null) {
            return unknown(rule, "det finns inget tidigare värde (för en annan dataperiod) att jämföra med",
                    "there is no earlier value (for another data period) to compare with");
        }
        BigDecimal diff = obs.value().subtract(previous.value());
        int better = direction == Direction.HIGHER_IS_BETTER ? diff.signum() : -diff.signum();
        String arithmeticSv = num(obs.value(), true) + " − " + num(previous.value(), true) + " = "
                + signed(diff, true) + " jämfört med " + previous.period() + dataSv(previous) + "; "
                + (direction == Direction.HIGHER_IS_BETTER ? "högre" : "lägre") + " är bättre";
        String arithmeticEn = num(obs.value(), false) + " − " + num(previous.value(), false) + " = "
                + signed(diff, false) + " compared with " + previous.period() + dataEn(previous) + "; "
                + (direction == Direction.HIGHER_IS_BETTER ? "higher" : "lower") + " is better";
        String step = rule.describe() + ": " + obs.value().toPlainString() + " - " + previous.value().toPlainString()
                + " = " + diff.toPlainString() + " vs " + previous.period() + ", " + direction;
        if (better > 0) {
            return new RuleResult(Outcome.HOLDS, step, cap(ruleSv) + ": " + arithmeticSv + " → förbättring, uppfyllt.",
                    cap(ruleEn) + ": " + arithmeticEn + " → improvement, met.");
        }
        if (better == 0) {
            return new RuleResult(Outcome.PARTLY, step, cap(ruleSv) + ": " + arithmeticSv
                    + " → oförändrat, delvis uppfyllt.",
                    cap(ruleEn) + ": " + arithmeticEn + " → unchanged, partly met.");
        }
        return new RuleResult(Outcome.FAILS, step, cap(ruleSv) + ": " + arithmeticSv + " → försämring, ej uppfyllt.",
                cap(ruleEn) + ": " + arithmeticEn + " → deterioration, not met.");
    }

    private static RuleResult compare(AmbitionRule rule, Observation obs, Observation previous, String period,
                                      Direction direction) {
        BigDecimal value = obs.value();
        if (value == null) {
            return unknown(rule, "inget värde är rapporterat", "no value is reported");
        }
        RuleComparator c = rule.comparator();
        boolean up = c == RuleComparator.ABOVE || c == RuleComparator.AT_LEAST;
        String ruleSv = ruleSv(rule);
        String ruleEn = ruleEn(rule);
        String note = literalNote(rule, direction);
        Outcome outcome;
        String arithmeticSv;
        String arithmeticEn;
        String step;
        if (rule.reference() == RuleReference.ABSOLUTE) {
            BigDecimal threshold = rule.margin();
            outcome = satisfies(c, value, threshold) ? Outcome.HOLDS : Outcome.FAILS;
            BigDecimal diff = value.subtract(threshold);
            String unitSv = unitSv(rule.marginUnit());
            String unitEn = unitEn(rule.marginUnit());
            arithmeticSv = num(value, true) + " − " + plain(threshold, true) + " = " + signed(diff, true) + unitSv
                    + " mot gränsvärdet " + plain(threshold, true) + unitSv;
            arithmeticEn = num(value, false) + " − " + plain(threshold, false) + " = " + signed(diff, false) + unitEn
                    + " against the threshold " + plain(threshold, false) + unitEn;
            step = rule.describe() + ": " + value.toPlainString() + " " + c + " " + threshold.toPlainString();
        } else {
            ReferenceArea area = rule.reference() == RuleReference.NATIONAL ? ReferenceArea.NATIONAL : ReferenceArea.COUNTY;
            BigDecimal ref = obs.referenceValues().get(area);
            if (ref == null) {
                return unknown(rule, "referensvärdet för " + areaSv(area) + " saknas för " + obs.period(),
                        "the " + areaEn(area) + " reference value is missing for " + obs.period());
            }
            BigDecimal diff = value.subtract(ref);
            BigDecimal margin = rule.margin();
            BigDecimal required;
            String refSv = areaSv(area);
            String refEn = areaEn(area);
            if (margin == null || margin.signum() == 0) {
                required = ref;
                arithmeticSv = num(value, true) + " − " + num(ref, true) + " (" + refSv + ") = " + signed(diff, true);
                arithmeticEn = num(value, false) + " − " + num(ref, false) + " (" + refEn + ") = " + signed(diff, false);
            } else if (rule.marginUnit() == MarginUnit.PERCENT) {
                if (ref.signum() <= 0) {
                    return unknown(rule, "referensvärdet för " + refSv + " är " + num(ref, true)
                                    + " och en procentuell skillnad kan inte beräknas",
                            "the " + refEn + " reference value is " + num(ref, false)
                                    + " and a relative difference cannot be computed");
                }
                BigDecimal factor = up ? BigDecimal.ONE.add(margin.movePointLeft(2))
                        : BigDecimal.ONE.subtract(margin.movePointLeft(2));
                required = ref.multiply(factor);
                BigDecimal relative = diff.multiply(HUNDRED).divide(ref, 10, RoundingMode.HALF_UP);
                arithmeticSv = "(" + num(value, true) + " − " + num(ref, true) + ") / " + num(ref, true) + " = "
                        + signed(relative, true) + " % mot " + refSv + "; gränsen är " + num(ref, true) + " × "
                        + plain(factor, true) + " = " + num(required, true);
                arithmeticEn = "(" + num(value, false) + " − " + num(ref, false) + ") / " + num(ref, false) + " = "
                        + signed(relative, false) + " % against the " + refEn + " value; the limit is "
                        + num(ref, false) + " × " + plain(factor, false) + " = " + num(required, false);
            } else {
                required = up ? ref.add(margin) : ref.subtract(margin);
                arithmeticSv = num(value, true) + " − " + num(ref, true) + " (" + refSv + ") = " + signed(diff, true)
                        + unitSv(rule.marginUnit());
                arithmeticEn = num(value, false) + " − " + num(ref, false) + " (" + refEn + ") = "
                        + signed(diff, false) + unitEn(rule.marginUnit());
            }
            if (satisfies(c, value, required)) {
                outcome = Outcome.HOLDS;
            } else if (margin != null && margin.signum() > 0 && satisfies(c, value, ref)) {
                outcome = Outcome.PARTLY;
            } else {
                outcome = Outcome.FAILS;
            }
            step = rule.describe() + ": value " + value.toPlainString() + ", " + area + " " + ref.toPlainString()
                    + ", limit " + required.stripTrailingZeros().toPlainString();
        }
        String head = cap(ruleSv) + ": " + arithmeticSv + "; målet är " + ruleSv + note + " → ";
        String headEn = cap(ruleEn) + ": " + arithmeticEn + "; the aim is " + ruleEn + noteEn(note) + " → ";
        return finish(outcome, rule.targetYear(), obs, previous, period, direction, step, head, headEn,
                "marginalen är inte nådd men värdet är " + (up ? "över " : "under ") + "referensvärdet",
                "the margin is not reached but the value is " + (up ? "above" : "below") + " the reference");
    }

    private static RuleResult evaluateTarget(BigDecimal target, Integer targetYear, Observation obs,
                                             Observation previous, String period, Direction direction) {
        String yearSv = targetYear == null ? "" : " år " + targetYear;
        String yearEn = targetYear == null ? "" : " by " + targetYear;
        String labelSv = "Målvärde " + plain(target, true) + yearSv;
        String labelEn = "Target value " + plain(target, false) + yearEn;
        String step = "target value " + target.toPlainString() + (targetYear == null ? "" : " " + targetYear);
        if (obs.value() == null) {
            return new RuleResult(Outcome.UNKNOWN, step, labelSv + ": inget värde är rapporterat; kan inte bedömas.",
                    labelEn + ": no value is reported; cannot be assessed.");
        }
        if (direction == null) {
            return new RuleResult(Outcome.UNKNOWN, step,
                    labelSv + ": mätvärdets riktning saknas; kan inte bedömas.",
                    labelEn + ": the indicator's direction is missing; cannot be assessed.");
        }
        BigDecimal diff = obs.value().subtract(target);
        boolean higher = direction == Direction.HIGHER_IS_BETTER;
        boolean met = higher ? diff.signum() >= 0 : diff.signum() <= 0;
        String head = labelSv + ": " + num(obs.value(), true) + " − " + plain(target, true) + " = " + signed(diff, true)
                + "; " + (higher ? "högre" : "lägre") + " är bättre, målet är " + (higher ? "minst " : "högst ")
                + plain(target, true) + " → ";
        String headEn = labelEn + ": " + num(obs.value(), false) + " − " + plain(target, false) + " = "
                + signed(diff, false) + "; " + (higher ? "higher" : "lower") + " is better, the aim is "
                + (higher ? "at least " : "at most ") + plain(target, false) + " → ";
        return finish(met ? Outcome.HOLDS : Outcome.FAILS, targetYear, obs, previous, period, direction,
                step + ": " + obs.value().toPlainString() + " " + direction, head, headEn, "", "");
    }

    /** Applies the target-year rule and words the outcome. */
    private static RuleResult finish(Outcome outcome, Integer targetYear, Observation obs, Observation previous,
                                     String period, Direction direction, String step, String headSv, String headEn,
                                     String partlySv, String partlyEn) {
        if (outcome == Outcome.HOLDS) {
            return new RuleResult(outcome, step, headSv + "uppfyllt.", headEn + "met.");
        }
        if (outcome == Outcome.FAILS && targetYear != null && !targetYearReached(period, targetYear)) {
            BigDecimal delta = (previous == null || direction == null) ? null : obs.value().subtract(previous.value());
            int better = delta == null ? 0
                    : direction == Direction.HIGHER_IS_BETTER ? delta.signum() : -delta.signum();
            String why = "målåret " + targetYear + " är inte nått";
            String whyEn = "the target year " + targetYear + " is not reached";
            if (better < 0) {
                return new RuleResult(Outcome.FAILS, step + ", target year not reached, worse than " + previous.period(),
                        headSv + "ej uppfyllt: " + why + ", men värdet har försämrats sedan " + previous.period()
                                + " (" + signed(delta, true) + ").",
                        headEn + "not met: " + whyEn + ", but the value got worse since " + previous.period()
                                + " (" + signed(delta, false) + ").");
            }
            String trendSv = delta == null ? "inget tidigare värde visar en försämring"
                    : "värdet har inte försämrats sedan " + previous.period() + " (" + signed(delta, true) + ")";
            String trendEn = delta == null ? "no earlier value shows a deterioration"
                    : "the value has not got worse since " + previous.period() + " (" + signed(delta, false) + ")";
            return new RuleResult(Outcome.PARTLY, step + ", target year not reached, on the way",
                    headSv + "delvis uppfyllt (på väg): ännu inte nått, men " + why + " och " + trendSv + ".",
                    headEn + "partly met (on the way): not reached yet, but " + whyEn + " and " + trendEn + ".");
        }
        if (outcome == Outcome.PARTLY) {
            return new RuleResult(outcome, step, headSv + "delvis uppfyllt: " + partlySv + ".",
                    headEn + "partly met: " + partlyEn + ".");
        }
        return new RuleResult(outcome, step, headSv + "ej uppfyllt.", headEn + "not met.");
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

    private static String literalNote(AmbitionRule rule, Direction direction) {
        if (direction == null || rule.reference() == RuleReference.ABSOLUTE) {
            return "";
        }
        boolean up = rule.comparator() == RuleComparator.ABOVE || rule.comparator() == RuleComparator.AT_LEAST;
        if (up && direction == Direction.LOWER_IS_BETTER) {
            return " (OBS: lägre är bättre för detta mätvärde; regeln tillämpas som den är skriven)";
        }
        if (!up && direction == Direction.HIGHER_IS_BETTER) {
            return " (OBS: högre är bättre för detta mätvärde; regeln tillämpas som den är skriven)";
        }
        return "";
    }

    private static String noteEn(String noteSv) {
        if (noteSv.isEmpty()) {
            return "";
        }
        return noteSv.contains("lägre är bättre")
                ? " (note: lower is better for this indicator; the rule is applied as written)"
                : " (note: higher is better for this indicator; the rule is applied as written)";
    }

    private static RuleResult unknown(AmbitionRule rule, String whySv, String whyEn) {
        return new RuleResult(Outcome.UNKNOWN, rule.describe() + ": " + whyEn,
                cap(ruleSv(rule)) + ": " + whySv + "; villkoret kan inte bedömas.",
                cap(ruleEn(rule)) + ": " + whyEn + "; the condition cannot be assessed.");
    }

    private static Assessment notAssessed(AssessmentInput input, List<String> steps, String basedOn, boolean carried,
                                          String whySv, String whyEn) {
        String sv = "Bedömning för " + input.period() + ": ej bedömt (princip " + VERSION + "): " + whySv
                + ". Ej bedömt räknas varken som uppfyllt eller som ej uppfyllt.";
        String en = "Assessment for " + input.period() + ": not assessed (principle " + VERSION + "): " + whyEn
                + ". Not assessed counts neither as met nor as not met.";
        return new Assessment(Verdict.NOT_ASSESSED, VERSION, basedOn, carried, steps, sv, en);
    }

    // ------------------------------------------------------------------------------------------------------
    // Words
    // ------------------------------------------------------------------------------------------------------

    static String ruleSv(AmbitionRule rule) {
        String year = rule.targetYear() == null ? "" : " år " + rule.targetYear();
        String group = rule.targetGroup() == null ? "" : " (" + rule.targetGroup() + ")";
        RuleComparator c = rule.comparator();
        String text;
        if (c == RuleComparator.DONE) {
            text = "aktiviteten genomförd";
        } else if (c == RuleComparator.POSITIVE_TREND) {
            text = "positiv trend";
        } else if (rule.reference() == RuleReference.ABSOLUTE) {
            String word = switch (c) {
                case ABOVE -> "över ";
                case AT_LEAST -> "minst ";
                case BELOW -> "under ";
                default -> "högst ";
            };
            text = word + plain(rule.margin(), true) + unitSv(rule.marginUnit());
        } else {
            String ref = rule.reference() == RuleReference.NATIONAL ? "riket" : "länet";
            boolean up = c == RuleComparator.ABOVE || c == RuleComparator.AT_LEAST;
            boolean strict = c == RuleComparator.ABOVE || c == RuleComparator.BELOW;
            if (rule.margin() == null || rule.margin().signum() == 0) {
                text = strict ? (up ? "över " : "under ") + ref : (up ? "minst" : "högst") + " i nivå med " + ref;
            } else {
                String sign = up ? "+" : "−";
                text = (strict ? "mer än " : "minst ") + sign + plain(rule.margin(), true) + unitSv(rule.marginUnit())
                        + (up ? " över " : " under ") + ref;
            }
        }
        return text + year + group;
    }

    static String ruleEn(AmbitionRule rule) {
        String year = rule.targetYear() == null ? "" : " by " + rule.targetYear();
        String group = rule.targetGroup() == null ? "" : " (" + rule.targetGroup() + ")";
        RuleComparator c = rule.comparator();
        String text;
        if (c == RuleComparator.DONE) {
            text = "activity done";
        } else if (c == RuleComparator.POSITIVE_TREND) {
            text = "positive trend";
        } else if (rule.reference() == RuleReference.ABSOLUTE) {
            String word = switch (c) {
                case ABOVE -> "above ";
                case AT_LEAST -> "at least ";
                case BELOW -> "below ";
                default -> "at most ";
            };
            text = word + plain(rule.margin(), false) + unitEn(rule.marginUnit());
        } else {
            String ref = rule.reference() == RuleReference.NATIONAL ? "the national value" : "the county value";
            boolean up = c == RuleComparator.ABOVE || c == RuleComparator.AT_LEAST;
            boolean strict = c == RuleComparator.ABOVE || c == RuleComparator.BELOW;
            if (rule.margin() == null || rule.margin().signum() == 0) {
                text = strict ? (up ? "above " : "below ") + ref : (up ? "at least" : "at most") + " level with " + ref;
            } else {
                String sign = up ? "+" : "−";
                text = (strict ? "more than " : "at least ") + sign + plain(rule.margin(), false)
                        + unitEn(rule.marginUnit()) + (up ? " above " : " below ") + ref;
            }
        }
        return text + year + group;
    }

    private static String unitSv(MarginUnit unit) {
        if (unit == null || unit == MarginUnit.ABSOLUTE) {
            return "";
        }
        return unit == MarginUnit.PERCENT ? " %" : " procentenheter";
    }

    private static String unitEn(MarginUnit unit) {
        if (unit == null || unit == MarginUnit.ABSOLUTE) {
            return "";
        }
        return unit == MarginUnit.PERCENT ? " %" : " percentage points";
    }

    private static String areaSv(ReferenceArea area) {
        return area == ReferenceArea.NATIONAL ? "riket" : "länet";
    }

    private static String areaEn(ReferenceArea area) {
        return area == ReferenceArea.NATIONAL ? "national" : "county";
    }

    private static String colourSv(Verdict v) {
        return switch (v) {
            case GREEN -> "uppfyllt (grönt)";
            case YELLOW -> "delvis uppfyllt (gult)";
            case RED -> "ej uppfyllt (rött)";
            case NOT_ASSESSED -> "ej bedömt";
        };
    }

    private static String colourEn(Verdict v) {
        return switch (v) {
            case GREEN -> "met (green)";
            case YELLOW -> "partly met (yellow)";
            case RED -> "not met (red)";
            case NOT_ASSESSED -> "not assessed";
        };
    }

    private static String describe(Observation o) {
        StringBuilder sb = new StringBuilder(o.period());
        if (o.value() != null) {
            sb.append(" value ").append(o.value().toPlainString());
        }
        if (o.done() != null) {
            sb.append(" done ").append(o.done());
        }
        if (o.dataPeriod() != null) {
            sb.append(" data ").append(o.dataPeriod());
        }
        for (ReferenceArea a : ReferenceArea.values()) {
            BigDecimal r = o.referenceValues().get(a);
            if (r != null) {
                sb.append(' ').append(a).append(' ').append(r.toPlainString());
            }
        }
        return sb.toString();
    }

    private static String observationSv(Observation o) {
        StringBuilder sb = new StringBuilder();
        if (o.value() != null) {
            sb.append("värde ").append(num(o.value(), true));
        }
        if (o.done() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(o.done() ? "genomförd" : "inte genomförd");
        }
        sb.append(" rapporterat för ").append(o.period()).append(dataSv(o));
        for (ReferenceArea a : ReferenceArea.values()) {
            BigDecimal r = o.referenceValues().get(a);
            if (r != null) {
                sb.append("; ").append(areaSv(a)).append(' ').append(num(r, true));
            }
        }
        return sb.toString();
    }

    private static String observationEn(Observation o) {
        StringBuilder sb = new StringBuilder();
        if (o.value() != null) {
            sb.append("value ").append(num(o.value(), false));
        }
        if (o.done() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(o.done() ? "done" : "not done");
        }
        sb.append(" reported for ").append(o.period()).append(dataEn(o));
        for (ReferenceArea a : ReferenceArea.values()) {
            BigDecimal r = o.referenceValues().get(a);
            if (r != null) {
                sb.append("; ").append(areaEn(a)).append(' ').append(num(r, false));
            }
        }
        return sb.toString();
    }

    private static String dataSv(Observation o) {
        return o.dataPeriod() == null ? "" : " (dataperiod " + o.dataPeriod() + ")";
    }

    private static String dataEn(Observation o) {
        return o.dataPeriod() == null ? "" : " (data period " + o.dataPeriod() + ")";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------------------------------
    // Numbers (display only)
    // ------------------------------------------------------------------------------------------------------

    /** One decimal, half up; Swedish decimal comma; a true minus sign. */
    static String num(BigDecimal v, boolean swedish) {
        return text(v.setScale(1, RoundingMode.HALF_UP), swedish);
    }

    /** One decimal with an explicit sign: +4,4 / −4,4 / 0,0. */
    static String signed(BigDecimal v, boolean swedish) {
        BigDecimal rounded = v.setScale(1, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + text(rounded, swedish);
    }

    /** A number as decided (margins, thresholds, target values), without trailing zeros. */
    static String plain(BigDecimal v, boolean swedish) {
        BigDecimal s = v.stripTrailingZeros();
        return text(s.scale() < 0 ? s.setScale(0) : s, swedish);
    }

    private static String text(BigDecimal v, boolean swedish) {
        if (v.signum() == 0) {
            v = v.abs();
        }
        String s = v.toPlainString().replace('-', '−');
        return swedish ? s.replace('.', ',') : s;
    }
}
