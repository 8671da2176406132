package se.malspar.kernel.programme.indicator;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.IndicatorId;

import java.time.LocalDate;

@Revision("1")
public record IndicatorRetired(IndicatorId indicatorId, DelmalId delmalId, DecisionReference decision,
                               LocalDate effectiveFrom) {
}
