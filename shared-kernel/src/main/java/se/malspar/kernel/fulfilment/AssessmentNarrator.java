package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.fulfilment.Decision.Check;
import se.malspar.kernel.fulfilment.Decision.Finding;
import se.malspar.kernel.fulfilment.Decision.Outcome;
import se.malspar.kernel.fulfilment.Decision.Progress;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Words a {@link Decision} of the {@link AssessmentPrinciple}: the steps (a terse trace in the decision's own
 * terms, for revisors and tests) and the plain-language explanation ("Varför blev det rött?"), once, from the
 * message bundles {@code explanation_sv.properties} and {@code explanation_en.properties} beside this class. A
 * third language is a third bundle. Numbers are rounded to one decimal for display only; the decision used
 * the exact values.
 */
public final class AssessmentNarrator {

    static final Words SV = new Words(Locale.forLanguageTag("sv"), true);
    static final Words EN = new Words(Locale.ENGLISH, false);

    private AssessmentNarrator() {
    }

    /** One language: its bundle, and whether numbers take a decimal comma. */
    record Words(ResourceBundle bundle, boolean swedish) {

        Words(Locale locale, boolean swedish) {
            this(ResourceBundle.getBundle("se.malspar.kernel.fulfilment.explanation", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), swedish);
        }

        String get(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
        }
    }

    /** The assessment the decision amounts to, with its steps and explanations. */
    public static Assessment narrate(Decision decision) {
        List<String> steps = Trace.steps(decision);
        if (decision.stop() != null) {
            return new Assessment(Verdict.NOT_ASSESSED, AssessmentPrinciple.VERSION, null, false, steps,
                    notAssessed(decision, SV), notAssessed(decision, EN));
        }
        return new Assessment(decision.verdict(), AssessmentPrinciple.VERSION, decision.observation().period(),
                decision.carriedForward(), steps, explain(decision, SV), explain(decision, EN));
    }

    /** The counts of a delmål's or goal's underlying verdicts and the rule that combined them. */
    static String combination(List<Verdict> all, Verdict verdict, Words w) {
        long green = all.stream().filter(v -> v == Verdict.GREEN).count();
        long yellow = all.stream().filter(v -> v == Verdict.YELLOW).count();
        long red = all.stream().filter(v -> v == Verdict.RED).count();
        long assessed = green + yellow + red;
        return w.get("combination", AssessmentPrinciple.VERSION, str(all.size()), str(assessed), str(green), str(yellow),
                str(red), str(all.size() - assessed), w.get("verdict." + verdict));
    }

    private static String notAssessed(Decision d, Words w) {
        AssessmentInput input = d.input();
        String why = switch (d.stop()) {
            case NO_LEVEL -> w.get("stop.NO_LEVEL") + (input.ambiguous() ? w.get("stop.NO_LEVEL.ambiguous") : "");
            case AMBIGUOUS -> w.get("stop.AMBIGUOUS", d.unitless().isEmpty() ? ""
                    : " (" + String.join(", ", d.unitless().stream().map(AmbitionRule::describe).toList()) + ")");
            case TARGET_GROUPS -> w.get("stop.TARGET_GROUPS", String.join(", ", groups(d)));
            case NO_DATA -> w.get("stop.NO_DATA", input.period());
            case DATA_TOO_OLD -> w.get("stop.DATA_TOO_OLD", input.period(), d.observation().period(), str(d.age()),
                    str(AssessmentPrinciple.CARRY_FORWARD_LIMIT));
        };
        return w.get("notAssessed", input.period(), AssessmentPrinciple.VERSION, why);
    }

    private static String explain(Decision d, Words w) {
        List<String> sentences = new ArrayList<>();
        sentences.add(w.get("head", d.input().period(), w.get("verdict." + d.verdict()), AssessmentPrinciple.VERSION));
        if (d.verdict() == Verdict.NOT_ASSESSED) {
            sentences.add(w.get("head.nothingAssessed"));
        }
        if (d.carriedForward()) {
            sentences.add(w.get("carried", d.input().period(), d.observation().period(),
                    str(AssessmentPrinciple.CARRY_FORWARD_LIMIT)));
        }
        sentences.add(w.get("data", observation(d.observation(), w)));
        if (d.groups().size() == 1) {
            sentences.add(w.get("group", d.groups().iterator().next()));
        }
        int n = 0;
        for (Check c : d.checks()) {
            sentences.add(++n + ") " + check(c, d.observation(), w));
        }
        long unknown = d.checks().stream().filter(c -> c.outcome() == Outcome.UNKNOWN).count();
        sentences.add(w.get("together", str(d.checks().size()), count(d, Outcome.HOLDS), count(d, Outcome.PARTLY),
                count(d, Outcome.FAILS), unknown == 0 ? "" : w.get("together.unknown", str(unknown))));
        return String.join(" ", sentences);
    }

    private static String check(Check c, Observation obs, Words w) {
        if (c.isTarget()) {
            String label = w.get("target", plain(c.target(), w), year(c.targetYear(), w));
            if (c.outcome() == Outcome.UNKNOWN) {
                return w.get("unknown.target", label, w.get(c.finding() == Finding.NO_DIRECTION
                        ? "why.target.NO_DIRECTION" : "why." + c.finding()));
            }
            return w.get("compared.target", label, num(c.value(), w), plain(c.target(), w), signed(c.difference(), w),
                    w.get("better." + c.direction()), w.get("aim." + c.direction()), outcome(c, "", w));
        }
        String rule = rule(c.rule(), w);
        String named = cap(rule);
        if (c.outcome() == Outcome.UNKNOWN) {
            return w.get("unknown", named, why(c, obs, w));
        }
        return switch (c.finding()) {
            case DONE -> w.get("done." + (c.progress() == Progress.ON_THE_WAY ? "ON_THE_WAY" : c.outcome().name()),
                    named, c.targetYear() == null ? "" : str(c.targetYear()));
            case TREND -> w.get("trend", named, num(c.value(), w), num(c.previous().value(), w), signed(c.difference(), w),
                    c.previous().period(), dataPeriod(c.previous(), w), w.get("better." + c.direction()),
                    w.get("trend." + c.outcome()));
            default -> w.get("compared", named, arithmetic(c, w), rule, note(c, w), outcome(c,
                    w.get(up(c.rule()) ? "partly.up" : "partly.down"), w));
        };
    }

    static String why(Check c, Observation obs, Words w) {
        return switch (c.finding()) {
            case NO_REFERENCE -> w.get("why.NO_REFERENCE", w.get("area." + c.area()), obs.period());
            case REFERENCE_NOT_POSITIVE -> w.get("why.REFERENCE_NOT_POSITIVE", w.get("area." + c.area()),
                    num(c.reference(), w));
            default -> w.get("why." + c.finding());
        };
    }

    private static String arithmetic(Check c, Words w) {
        AmbitionRule rule = c.rule();
        if (rule.reference() == RuleReference.ABSOLUTE) {
            return w.get("compared.threshold", num(c.value(), w), plain(c.required(), w), signed(c.difference(), w),
                    unit(rule.marginUnit(), w));
        }
        String area = w.get("area." + c.area());
        if (c.factor() != null) {
            return w.get("compared.percent", num(c.value(), w), num(c.reference(), w), signed(c.relative(), w), area,
                    plain(c.factor(), w), num(c.required(), w));
        }
        boolean margin = rule.margin() != null && rule.margin().signum() != 0;
        return w.get("compared.reference", num(c.value(), w), num(c.reference(), w), area, signed(c.difference(), w),
                margin ? unit(rule.marginUnit(), w) : "");
    }

    /** The end of a comparison or målvärde: met, partly met, not met, or what a target year made of it. */
    private static String outcome(Check c, String partly, Words w) {
        if (c.progress() == Progress.WORSE) {
            return w.get("outcome.WORSE", str(c.targetYear()), c.previous().period(), signed(c.change(), w));
        }
        if (c.progress() == Progress.ON_THE_WAY) {
            return w.get("outcome.ON_THE_WAY", str(c.targetYear()), c.change() == null ? w.get("onTheWay.noEarlier")
                    : w.get("onTheWay.notWorse", c.previous().period(), signed(c.change(), w)));
        }
        return w.get("outcome." + c.outcome(), partly);
    }

    /** A rule applied as written although the indicator's direction says the other way is better. */
    private static String note(Check c, Words w) {
        if (c.direction() == null || c.rule().reference() == RuleReference.ABSOLUTE) {
            return "";
        }
        if (up(c.rule()) && c.direction() == Direction.LOWER_IS_BETTER) {
            return " " + w.get("note.LOWER_IS_BETTER");
        }
        if (!up(c.rule()) && c.direction() == Direction.HIGHER_IS_BETTER) {
            return " " + w.get("note.HIGHER_IS_BETTER");
        }
        return "";
    }

    static String rule(AmbitionRule rule, Words w) {
        RuleComparator c = rule.comparator();
        String text;
        if (c == RuleComparator.DONE || c == RuleComparator.POSITIVE_TREND) {
            text = w.get("rule." + c);
        } else if (rule.reference() == RuleReference.ABSOLUTE) {
            text = w.get("rule.threshold." + comparison(c), plain(rule.margin(), w), unit(rule.marginUnit(), w));
        } else {
            String ref = w.get("rule.reference." + (rule.reference() == RuleReference.NATIONAL ? "NATIONAL" : "COUNTY"));
            text = rule.margin() == null || rule.margin().signum() == 0
                    ? w.get("rule.level." + comparison(c), ref)
                    : w.get("rule.margin." + comparison(c), plain(rule.margin(), w), unit(rule.marginUnit(), w), ref);
        }
        return text + year(rule.targetYear(), w) + (rule.targetGroup() == null ? "" : " (" + rule.targetGroup() + ")");
    }

    private static String comparison(RuleComparator c) {
        return c == RuleComparator.ABOVE || c == RuleComparator.AT_LEAST || c == RuleComparator.BELOW ? c.name()
                : RuleComparator.AT_MOST.name();
    }

    private static boolean up(AmbitionRule rule) {
        return rule.comparator() == RuleComparator.ABOVE || rule.comparator() == RuleComparator.AT_LEAST;
    }

    private static String year(Integer year, Words w) {
        return year == null ? "" : " " + w.get("rule.year", str(year));
    }

    private static String unit(MarginUnit unit, Words w) {
        return unit == null || unit == MarginUnit.ABSOLUTE ? "" : " " + w.get("unit." + unit);
    }

    private static String observation(Observation o, Words w) {
        StringBuilder sb = new StringBuilder();
        if (o.value() != null) {
            sb.append(w.get("observation.value", num(o.value(), w)));
        }
        if (o.done() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(w.get("observation.done." + o.done()));
        }
        sb.append(' ').append(w.get("observation.reported", o.period())).append(dataPeriod(o, w));
        for (ReferenceArea a : ReferenceArea.values()) {
            BigDecimal r = o.referenceValues().get(a);
            if (r != null) {
                sb.append("; ").append(w.get("area." + a)).append(' ').append(num(r, w));
            }
        }
        return sb.toString();
    }

    private static String dataPeriod(Observation o, Words w) {
        return o.dataPeriod() == null ? "" : " " + w.get("dataPeriod", o.dataPeriod());
    }

    private static List<String> groups(Decision d) {
        return List.copyOf(d.groups());
    }

    private static String count(Decision d, Outcome outcome) {
        return str(d.checks().stream().filter(c -> c.outcome() == outcome).count());
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String str(Object o) {
        return String.valueOf(Objects.requireNonNull(o));
    }

    // ------------------------------------------------------------------------------------------------------
    // Numbers (display only)
    // ------------------------------------------------------------------------------------------------------

    /** One decimal, half up; Swedish decimal comma; a true minus sign. */
    static String num(BigDecimal v, Words w) {
        return text(v.setScale(1, RoundingMode.HALF_UP), w.swedish());
    }

    /** One decimal with an explicit sign: +4,4 / −4,4 / 0,0. */
    static String signed(BigDecimal v, Words w) {
        BigDecimal rounded = v.setScale(1, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + text(rounded, w.swedish());
    }

    /** A number as decided (margins, thresholds, target values), without trailing zeros. */
    static String plain(BigDecimal v, Words w) {
        BigDecimal s = v.stripTrailingZeros();
        return text(s.scale() < 0 ? s.setScale(0) : s, w.swedish());
    }

    private static String text(BigDecimal v, boolean swedish) {
        if (v.signum() == 0) {
            v = v.abs();
        }
        String s = v.toPlainString().replace('-', '−');
        return swedish ? s.replace('.', ',') : s;
    }
}
