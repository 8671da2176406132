package se.malspar.kernel.programme.ambition;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.IndicatorId;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record TargetValueSet(IndicatorId indicatorId, BigDecimal value, int year, DecisionReference decision,
                             LocalDate effectiveFrom) {
}
