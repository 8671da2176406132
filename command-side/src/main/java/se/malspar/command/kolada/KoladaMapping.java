package se.malspar.command.kolada;

import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a parsed Kolada document into the measurements to record, without touching anything, so
 * the whole document is judged before the first command is sent.
 * <p>
 * The rules, per KPI:
 * <ul>
 * <li>Only the total (gender T) is read: indicators follow the whole population; K and M are
 *     ignored.</li>
 * <li>A year later than the report period's year is refused (listed as skipped with the reason): an
 *     annual report for 2022 cannot hold 2024 data, and recording it would say it did.</li>
 * <li>The data year is the <em>latest year that has a value for the municipality</em>: a report
 *     period follows up the newest figure available, and a newer year without a value (status
 *     "M", null) does not hide the last real one. Older years are listed as skipped, not recorded,
 *     so the history does not fill with measurements the report period never used.</li>
 * <li>NATIONAL and COUNTY reference values are riket's and the county's figures for the same KPI,
 *     year and gender when Kolada has them; a missing one stays missing (and the note says so).</li>
 * <li>A null value is never recorded, nor a figure Kolada marks deleted; Kolada's status
 *     ("B" break in series, …) goes into the note, and the exact figures into the evidence.</li>
 * <li>Every active indicator whose source is KOLADA with that KPI gets the measurement; an
 *     ACTIVITY indicator (done / not done) cannot take a figure and is skipped with a reason.</li>
 * </ul>
 */
final class KoladaMapping {

    static final String TOTAL = "T";

    private KoladaMapping() {
    }

    /** The Kolada area ids of the municipality, its county and riket. */
    record Areas(String municipality, String county, String national) {
    }

    /** Something in the document that was not recorded, and why. */
    record Skipped(String kpi, String municipality, Integer period, String reason) {
    }

    /** A measurement to record on one indicator. */
    record Planned(String kpi, RecordMeasurement command) {
    }

    record Plan(List<Planned> measurements, List<Skipped> skipped) {
    }

    static Plan plan(KoladaData data, Areas areas, String reportPeriod, String url, Instant fetchedAt,
                     Function<String, List<KoladaKpiLookup.Indicator>> indicatorsNaming) {
        List<Planned> planned = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        // Report periods are YYYY-T1|T2|AR (checked by the controller): the year is its first four digits.
        int reportYear = Integer.parseInt(reportPeriod.substring(0, 4));
        // kpi -> area -> year -> the total figure; sorted, so the same document always plans the same way
        Map<String, Map<String, TreeMap<Integer, KoladaValue>>> totals = new TreeMap<>();
        Map<String, Map<Integer, Boolean>> otherAreas = new TreeMap<>();
        for (KoladaValue value : data.values()) {
            if (!TOTAL.equals(value.gender())) {
                continue;
            }
            String kpi = KoladaKpiLookup.normalise(value.kpi());
            String area = value.municipality();
            if (area.equals(areas.municipality()) || area.equals(areas.county()) || area.equals(areas.national())) {
                totals.computeIfAbsent(kpi, k -> new LinkedHashMap<>())
                        .computeIfAbsent(area, a -> new TreeMap<>())
                        .put(value.year(), value);
            } else if (otherAreas.computeIfAbsent(kpi + "|" + area, k -> new TreeMap<>()).put(value.year(), true) == null) {
                skipped.add(new Skipped(kpi, area, value.year(), "not one of the configured areas ("
                        + areas.municipality() + ", " + areas.national() + ", " + areas.county() + ")"));
            }
        }
        for (Map.Entry<String, Map<String, TreeMap<Integer, KoladaValue>>> byKpi : totals.entrySet()) {
            String kpi = byKpi.getKey();
            TreeMap<Integer, KoladaValue> own = byKpi.getValue().getOrDefault(areas.municipality(), new TreeMap<>());
            Integer year = null;
            for (KoladaValue value : own.descendingMap().values()) {
                if (!usable(value)) {
                    skipped.add(new Skipped(kpi, value.municipality(), value.year(), unusable(value)));
                } else if (value.year() > reportYear) {
                    skipped.add(new Skipped(kpi, value.municipality(), value.year(), "data year " + value.year()
                            + " is later than report period " + reportPeriod + ": a report for " + reportYear
                            + " cannot hold it"));
                } else if (year == null) {
                    year = value.year();
                } else {
                    skipped.add(new Skipped(kpi, value.municipality(), value.year(), "an older year; only the latest "
                            + "year with a value (" + year + ") is imported"));
                }
            }
            if (year == null) {
                if (own.isEmpty()) {
                    skipped.add(new Skipped(kpi, areas.municipality(), null, "no total (gender T) figure for "
                            + areas.municipality() + " in the document; nothing to measure"));
                }
                continue;
            }
            KoladaValue measured = own.get(year);
            List<KoladaKpiLookup.Indicator> indicators = indicatorsNaming.apply(kpi);
            if (indicators.isEmpty()) {
                skipped.add(new Skipped(kpi, areas.municipality(), year,
                        "no active indicator names KPI " + kpi + " (source KOLADA)"));
                continue;
            }
            Map<ReferenceArea, BigDecimal> references = new EnumMap<>(ReferenceArea.class);
            List<String> areaIds = new ArrayList<>(List.of(areas.municipality()));
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            figures.put(areas.municipality(), measured.value());
            List<String> notes = new ArrayList<>();
            notes.add("Kolada " + kpi + " " + year + ", total (T)");
            status(measured, notes);
            reference(byKpi.getValue(), areas.national(), "riket", year, ReferenceArea.NATIONAL, references, areaIds,
                    figures, notes);
            reference(byKpi.getValue(), areas.county(), "länet", year, ReferenceArea.COUNTY, references, areaIds,
                    figures, notes);
            MeasurementSource source = new MeasurementSource(SourceKind.KOLADA, kpi, areaIds, url, fetchedAt, figures);
            String note = String.join("; ", notes);
            for (KoladaKpiLookup.Indicator indicator : indicators) {
                if (indicator.kind() != IndicatorKind.MEASURED) {
                    skipped.add(new Skipped(kpi, areas.municipality(), year, "indicator " + indicator.indicatorId()
                            + " is an activity (done / not done); a Kolada figure is not recorded on it"));
                    continue;
                }
                planned.add(new Planned(kpi, new RecordMeasurement(IndicatorId.of(indicator.indicatorId()),
                        reportPeriod, measured.value(), null, String.valueOf(year), references, source, note)));
            }
        }
        return new Plan(planned, skipped);
    }

    private static void reference(Map<String, TreeMap<Integer, KoladaValue>> byArea, String area, String name, int year,
                                  ReferenceArea as, Map<ReferenceArea, BigDecimal> references, List<String> areaIds,
                                  Map<String, BigDecimal> figures, List<String> notes) {
        KoladaValue value = byArea.getOrDefault(area, new TreeMap<>()).get(year);
        if (value == null) {
            notes.add(name + " (" + area + ") " + year + ": not in the document");
        } else if (!usable(value)) {
            notes.add(name + " (" + area + ") " + year + ": " + unusable(value));
        } else {
            references.put(as, value.value());
            areaIds.add(area);
            figures.put(area, value.value());
            status(value, notes);
        }
    }

    private static boolean usable(KoladaValue value) {
        return value.value() != null && !value.deleted();
    }

    private static String unusable(KoladaValue value) {
        String status = value.statusOrEmpty().isBlank() ? "" : " (status " + value.status() + ")";
        return value.deleted() ? "marked deleted in Kolada" + status : "no value in Kolada" + status;
    }

    private static void status(KoladaValue value, List<String> notes) {
        if (!value.statusOrEmpty().isBlank()) {
            notes.add("status " + value.status() + " for " + value.municipality());
        }
    }
}
