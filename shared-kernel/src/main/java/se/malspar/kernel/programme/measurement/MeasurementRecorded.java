package se.malspar.kernel.programme.measurement;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.IndicatorId;

import java.math.BigDecimal;
import java.util.Map;

/** A measurement; a later one for the same period supersedes it (both stay in the history). */
@Revision("1")
public record MeasurementRecorded(IndicatorId indicatorId, String period, BigDecimal value, Boolean done,
                                  String dataPeriod, Map<ReferenceArea, BigDecimal> referenceValues,
                                  MeasurementSource source, String note) {

    public MeasurementRecorded {
        referenceValues = referenceValues == null ? Map.of() : Map.copyOf(referenceValues);
    }
}
