package se.malspar.kernel.programme.ambition;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

// Revision 2: the ambition level carries its status (SET|TO_BE_DISCUSSED), and the event the precision of its
// effectiveFrom (DAY|MONTH|YEAR); a revision-1 event has neither: SET, DAY.
@Revision("2")
public record AmbitionLevelSet(IndicatorId indicatorId, AmbitionLevel ambitionLevel, DecisionReference decision,
                               LocalDate effectiveFrom, DatePrecision effectiveFromPrecision) {

    public AmbitionLevelSet {
        effectiveFromPrecision = effectiveFromPrecision == null ? DatePrecision.DAY : effectiveFromPrecision;
    }

    /** Taking effect on a known day. */
    public AmbitionLevelSet(IndicatorId indicatorId, AmbitionLevel ambitionLevel, DecisionReference decision,
                            LocalDate effectiveFrom) {
        this(indicatorId, ambitionLevel, decision, effectiveFrom, DatePrecision.DAY);
    }
}
