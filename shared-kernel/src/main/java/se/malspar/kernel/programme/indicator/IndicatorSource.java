package se.malspar.kernel.programme.indicator;

import se.malspar.kernel.programme.measurement.SourceKind;

/** Where an indicator's values come from, e.g. Kolada with its KPI id. */
public record IndicatorSource(SourceKind kind, String kpi) {
}
