package se.malspar.kernel.programme.ambition;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

/**
 * A correction of the entry that {@code corrects} set (same decision and valid date): the entry
 * as it should have been recorded, and why. Never a new decision.
 */
// Revision 2: the ambition level carries its status (SET|TO_BE_DISCUSSED); a revision-1 event has none: SET.
@Revision("2")
public record AmbitionLevelCorrected(IndicatorId indicatorId, DecisionReference corrects, LocalDate effectiveFrom,
                                     AmbitionLevel previous, AmbitionLevel ambitionLevel, String reason) {
}
