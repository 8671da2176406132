package se.malspar.kernel.programme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record IndicatorRetired(IndicatorId indicatorId, DelmalId delmalId, DecisionReference decision,
                               LocalDate effectiveFrom) {
}
