package se.malspar.kernel.programme.measurement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.programme.IndicatorId;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A measurement for a follow-up period ({@code 2021-T1}, {@code 2021-T2}, {@code 2021-AR}): a
 * value, or done/not done for an activity, with the data period it describes, the reference
 * values used and its source. Not a decision: it carries none. {@code expectedVersion} (the
 * admin API's If-Match) is the indicator version the caller saw, or null for no check.
 */
public record RecordMeasurement(@TargetAggregateIdentifier IndicatorId indicatorId, String period, BigDecimal value,
                                Boolean done, String dataPeriod, Map<ReferenceArea, BigDecimal> referenceValues,
                                MeasurementSource source, String note, @TargetAggregateVersion Long expectedVersion) {

    /** Without a version check (imports, the history load). */
    public RecordMeasurement(IndicatorId indicatorId, String period, BigDecimal value, Boolean done, String dataPeriod,
                             Map<ReferenceArea, BigDecimal> referenceValues, MeasurementSource source, String note) {
        this(indicatorId, period, value, done, dataPeriod, referenceValues, source, note, null);
    }
}
