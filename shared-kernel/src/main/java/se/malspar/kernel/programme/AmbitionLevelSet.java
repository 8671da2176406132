package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

// Revision 2: the ambition level carries its status (SET|TO_BE_DISCUSSED); a revision-1 event has none: SET.
@Revision("2")
public record AmbitionLevelSet(IndicatorId indicatorId, AmbitionLevel ambitionLevel, DecisionReference decision,
                               LocalDate effectiveFrom) {
}
