package se.malspar.kernel.fulfilment;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.fulfilment.Decision.Check;
import se.malspar.kernel.fulfilment.Decision.Finding;
import se.malspar.kernel.fulfilment.Decision.Outcome;
import se.malspar.kernel.fulfilment.Decision.Progress;
import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a {@link Decision}: a terse trace in the principle's own terms (exact numbers, enum names), one
 * line per step, stored with every verdict so a revisor can follow the arithmetic without the prose.
 */
final class Trace {

    private Trace() {
    }

    static List<String> steps(Decision d) {
        AssessmentInput input = d.input();
        List<String> steps = new ArrayList<>();
        steps.add("principle " + AssessmentPrinciple.VERSION + ", period " + input.period());
        input.rules().forEach(r -> steps.add("rule: " + r.describe()));
        if (input.targetValue() != null) {
            steps.add("target value: " + input.targetValue().toPlainString()
                    + (input.targetYear() == null ? "" : " " + input.targetYear()));
        }
        if (d.stop() != null) {
            steps.add(switch (d.stop()) {
                case NO_LEVEL -> "no rules and no target value";
                case AMBIGUOUS -> "ambiguous reading";
                case TARGET_GROUPS -> "target groups " + d.groups();
                case NO_DATA -> "no observation";
                case DATA_TOO_OLD -> "latest observation " + d.observation().period() + " is " + d.age()
                        + " periods old (limit " + AssessmentPrinciple.CARRY_FORWARD_LIMIT + ")";
            } + " → NOT_ASSESSED");
            return steps;
        }
        if (d.carriedForward()) {
            steps.add("no observation for " + input.period() + "; carried forward from " + d.observation().period()
                    + " (" + d.age() + " period(s) old, limit " + AssessmentPrinciple.CARRY_FORWARD_LIMIT + ")");
        }
        steps.add("observation " + observation(d.observation()));
        if (d.groups().size() == 1) {
            steps.add("single target group " + d.groups().iterator().next() + ": the value is taken as the group's value");
        }
        for (Check c : d.checks()) {
            steps.add(check(c, d.observation()) + " → " + c.outcome());
        }
        steps.add("holds " + count(d, Outcome.HOLDS) + ", partly " + count(d, Outcome.PARTLY) + ", fails "
                + count(d, Outcome.FAILS) + ", unknown " + count(d, Outcome.UNKNOWN) + " → " + d.verdict());
        return steps;
    }

    private static String check(Check c, Observation obs) {
        if (c.isTarget()) {
            String step = "target value " + c.target().toPlainString() + (c.targetYear() == null ? "" : " " + c.targetYear());
            return c.outcome() == Outcome.UNKNOWN ? step
                    : step + ": " + c.value().toPlainString() + " " + c.direction() + progress(c);
        }
        AmbitionRule rule = c.rule();
        if (c.finding() == Finding.DONE || c.finding() == Finding.DONE_NOT_REPORTED) {
            return rule.describe() + ": done=" + c.done()
                    + (c.progress() == null ? "" : ", target year " + c.targetYear() + " not reached");
        }
        if (c.outcome() == Outcome.UNKNOWN) {
            return rule.describe() + ": " + AssessmentNarrator.why(c, obs, AssessmentNarrator.EN);
        }
        if (c.finding() == Finding.TREND) {
            return rule.describe() + ": " + c.value().toPlainString() + " - " + c.previous().value().toPlainString()
                    + " = " + c.difference().toPlainString() + " vs " + c.previous().period() + ", " + c.direction();
        }
        if (rule.reference() == RuleReference.ABSOLUTE) {
            return rule.describe() + ": " + c.value().toPlainString() + " " + rule.comparator() + " "
                    + c.required().toPlainString() + progress(c);
        }
        return rule.describe() + ": value " + c.value().toPlainString() + ", " + c.area() + " "
                + c.reference().toPlainString() + ", limit " + c.required().stripTrailingZeros().toPlainString()
                + progress(c);
    }

    private static String progress(Check c) {
        if (c.progress() == Progress.WORSE) {
            return ", target year not reached, worse than " + c.previous().period();
        }
        return c.progress() == Progress.ON_THE_WAY ? ", target year not reached, on the way" : "";
    }

    private static String observation(Observation o) {
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

    private static long count(Decision d, Outcome outcome) {
        return d.checks().stream().filter(c -> c.outcome() == outcome).count();
    }
}
