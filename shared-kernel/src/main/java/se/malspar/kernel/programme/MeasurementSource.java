package se.malspar.kernel.programme;

import java.time.Instant;

/** Evidence of where a measured value came from. */
public record MeasurementSource(SourceKind kind, String kpi, String url, Instant fetchedAt) {
}
