package se.malspar.kernel.programme;

/** Where an indicator's values come from, e.g. Kolada with its KPI id. */
public record IndicatorSource(SourceKind kind, String kpi) {
}
