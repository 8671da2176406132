package se.malspar.kernel.programme.ambition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A decided ambition level. The verbatim text is always kept; {@code rules} is the client's own
 * structured reading (null: the reader's reading is used), validated against the text.
 * {@code status} TO_BE_DISCUSSED records a level the paper leaves to dialogue: the text is kept,
 * no rule is read or accepted (null: SET). {@code targetGroup}: the target group this indicator
 * measures when the text states rules for several (e.g. "över länet (äldre) eller riket
 * (elever)"): only that group's rules are the indicator's (null: all). {@code effectiveFromPrecision}:
 * MONTH or YEAR when the paper gives only that (then effectiveFrom is the interval's first day).
 */
public record SetAmbitionLevel(@TargetAggregateIdentifier IndicatorId indicatorId, String text, List<AmbitionRule> rules,
                               DecisionId decision, LocalDate effectiveFrom,
                               @TargetAggregateVersion Long expectedVersion, AmbitionStatus status,
                               String targetGroup, DatePrecision effectiveFromPrecision) {

    /** A level that is set. */
    public SetAmbitionLevel(IndicatorId indicatorId, String text, List<AmbitionRule> rules, DecisionId decision,
                            LocalDate effectiveFrom, Long expectedVersion) {
        this(indicatorId, text, rules, decision, effectiveFrom, expectedVersion, null, null);
    }

    /** Taking effect on a day (or on the decision's day). */
    public SetAmbitionLevel(IndicatorId indicatorId, String text, List<AmbitionRule> rules, DecisionId decision,
                            LocalDate effectiveFrom, Long expectedVersion, AmbitionStatus status, String targetGroup) {
        this(indicatorId, text, rules, decision, effectiveFrom, expectedVersion, status, targetGroup, null);
    }
}
