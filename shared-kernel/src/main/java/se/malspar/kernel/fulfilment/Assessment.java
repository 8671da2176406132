package se.malspar.kernel.fulfilment;

import java.util.List;

/**
 * The principle's answer for one indicator and period: the verdict, the version of the principle
 * that gave it, the observation it rests on ({@code basedOnPeriod}; another period than the one
 * assessed when the last known value was explicitly carried forward), and the explanation — the
 * rules, the inputs and the arithmetic — in plain Swedish and English ("Varför blev det rött?").
 */
public record Assessment(Verdict verdict, String principleVersion, String basedOnPeriod, boolean carriedForward,
                         List<String> steps, String explanationSv, String explanationEn) {

    public Assessment {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
