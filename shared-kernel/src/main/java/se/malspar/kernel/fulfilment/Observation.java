package se.malspar.kernel.fulfilment;

import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One measurement as the principle sees it: the report period it was recorded for
 * ({@code 2022-T2}), the value (or done/not done for an activity), the data period it describes
 * and the reference values (riket, länet) recorded with it.
 */
public record Observation(String period, BigDecimal value, Boolean done, String dataPeriod,
                          Map<ReferenceArea, BigDecimal> referenceValues) {

    public Observation {
        referenceValues = referenceValues == null ? Map.of() : Map.copyOf(referenceValues);
    }
}
