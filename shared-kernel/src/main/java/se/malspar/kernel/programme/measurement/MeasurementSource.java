package se.malspar.kernel.programme.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evidence of where a measured value came from: the source kind, the KPI id, the area ids the
 * figures describe (e.g. Kolada 0665 Vaggeryd, 0000 riket, 0006 Jönköpings län), the URL and time
 * it was fetched, and the exact figures as the source gave them (area id → value), so a revisor
 * can check the value and the reference values against the source.
 */
public record MeasurementSource(SourceKind kind, String kpi, List<String> areaIds, String url, Instant fetchedAt,
                                Map<String, BigDecimal> figures) {

    public MeasurementSource {
        areaIds = areaIds == null ? List.of() : List.copyOf(areaIds);
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    /** A source without area ids or figures (a manual entry, a survey report). */
    public static MeasurementSource of(SourceKind kind, String kpi, String url, Instant fetchedAt) {
        return new MeasurementSource(kind, kpi, List.of(), url, fetchedAt, Map.of());
    }
}
