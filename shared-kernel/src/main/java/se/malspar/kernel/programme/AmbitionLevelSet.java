package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record AmbitionLevelSet(IndicatorId indicatorId, AmbitionLevel ambitionLevel, DecisionReference decision,
                               LocalDate effectiveFrom) {
}
