package se.malspar.command.kolada;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KoladaMappingTest {

    private static final KoladaMapping.Areas AREAS = new KoladaMapping.Areas("0665", "0006", "0000");
    private static final Instant FETCHED = Instant.parse("2023-02-01T08:00:00Z");

    private static KoladaMapping.Plan plan(String json, Map<String, List<KoladaKpiLookup.Indicator>> indicators) {
        KoladaData data = KoladaParser.parse(json.getBytes(StandardCharsets.UTF_8));
        return KoladaMapping.plan(data, AREAS, "2022-AR", "https://kolada/x", FETCHED,
                kpi -> indicators.getOrDefault(kpi, List.of()));
    }

    private static KoladaKpiLookup.Indicator measured(String id) {
        return new KoladaKpiLookup.Indicator(id, IndicatorKind.MEASURED);
    }

    private static String entry(String kpi, String area, int year, String figures) {
        return "{\"kpi\": \"%s\", \"municipality\": \"%s\", \"period\": %d, \"values\": [%s]}".formatted(kpi, area, year, figures);
    }

    private static String total(String value, String status) {
        return "{\"gender\": \"T\", \"status\": \"%s\", \"value\": %s}".formatted(status, value);
    }

    @Test
    void theLatestYearWithAMunicipalValueBecomesOneMeasurementPerIndicator() {
        String json = "{\"values\": [" + String.join(",",
                entry("N15428", "0665", 2021, total("80.4", "")),
                entry("N15428", "0665", 2022, total("81.2", "") + ", {\"gender\": \"K\", \"value\": 90}"),
                entry("N15428", "0665", 2023, total("null", "M")),
                entry("N15428", "0000", 2022, total("84.65", "")),
                entry("N15428", "0006", 2021, total("86.9", ""))) + "]}";
        KoladaMapping.Plan plan = plan(json, Map.of("N15428", List.of(measured("a"), measured("b"),
                new KoladaKpiLookup.Indicator("c", IndicatorKind.ACTIVITY))));

        assertThat(plan.measurements()).extracting(p -> p.command().indicatorId().value()).containsExactly("a", "b");
        RecordMeasurement command = plan.measurements().get(0).command();
        assertThat(command.period()).isEqualTo("2022-AR");
        assertThat(command.dataPeriod()).isEqualTo("2022");
        assertThat(command.value()).isEqualTo(new BigDecimal("81.2"));
        assertThat(command.done()).isNull();
        assertThat(command.referenceValues()).containsExactly(Map.entry(ReferenceArea.NATIONAL, new BigDecimal("84.65")));
        assertThat(command.source().kind()).isEqualTo(SourceKind.KOLADA);
        assertThat(command.source().kpi()).isEqualTo("N15428");
        assertThat(command.source().areaIds()).containsExactly("0665", "0000");
        assertThat(command.source().figures()).isEqualTo(Map.of("0665", new BigDecimal("81.2"), "0000", new BigDecimal("84.65")));
        assertThat(command.source().url()).isEqualTo("https://kolada/x");
        assertThat(command.source().fetchedAt()).isEqualTo(FETCHED);
        assertThat(command.note()).isEqualTo("Kolada N15428 2022, total (T); länet (0006) 2022: not in the document");

        assertThat(plan.skipped()).containsExactlyInAnyOrder(
                new KoladaMapping.Skipped("N15428", "0665", 2023, "no value in Kolada (status M)"),
                new KoladaMapping.Skipped("N15428", "0665", 2021,
                        "an older year; only the latest year with a value (2022) is imported"),
                new KoladaMapping.Skipped("N15428", "0665", 2022,
                        "indicator c is an activity (done / not done); a Kolada figure is not recorded on it"));
    }

    /** An annual report for 2022 cannot hold 2024 data: the later year is refused, the latest year up to 2022 is used. */
    @Test
    void aDataYearLaterThanTheReportPeriodIsSkippedWithTheReason() {
        String json = "{\"values\": [" + String.join(",",
                entry("N15428", "0665", 2022, total("81.2", "")),
                entry("N15428", "0665", 2024, total("83.0", "")),
                entry("N15428", "0000", 2024, total("85.1", ""))) + "]}";
        KoladaMapping.Plan plan = plan(json, Map.of("N15428", List.of(measured("a"))));

        assertThat(plan.measurements()).singleElement().satisfies(p -> {
            assertThat(p.command().dataPeriod()).isEqualTo("2022");
            assertThat(p.command().value()).isEqualTo(new BigDecimal("81.2"));
        });
        assertThat(plan.skipped()).contains(new KoladaMapping.Skipped("N15428", "0665", 2024,
                "data year 2024 is later than report period 2022-AR: a report for 2022 cannot hold it"));
    }

    @Test
    void aFigureKoladaDeletedIsReportedAsDeleted() {
        String json = "{\"values\": [" + entry("N15428", "0665", 2022,
                "{\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": null, \"isdeleted\": true}") + "]}";
        KoladaMapping.Plan plan = plan(json, Map.of("N15428", List.of(measured("a"))));

        assertThat(plan.measurements()).isEmpty();
        assertThat(plan.skipped()).contains(new KoladaMapping.Skipped("N15428", "0665", 2022, "marked deleted in Kolada"));
    }

    @Test
    void kpisWithoutIndicatorsOrWithoutMunicipalFiguresAreSkippedWithAReason() {
        String json = "{\"values\": [" + String.join(",",
                entry("N17473", "0665", 2022, total("64.0", "")),
                entry("n15428", "0000", 2022, total("84.65", "")),
                entry("N15428", "0680", 2022, total("83.7", ""))) + "]}";
        KoladaMapping.Plan plan = plan(json, Map.of("N15428", List.of(measured("a"))));
        assertThat(plan.measurements()).isEmpty();
        assertThat(plan.skipped()).containsExactlyInAnyOrder(
                new KoladaMapping.Skipped("N17473", "0665", 2022, "no active indicator names KPI N17473 (source KOLADA)"),
                new KoladaMapping.Skipped("N15428", "0665", null,
                        "no total (gender T) figure for 0665 in the document; nothing to measure"),
                new KoladaMapping.Skipped("N15428", "0680", 2022, "not one of the configured areas (0665, 0000, 0006)"));
    }

    @Test
    void deletedFiguresAreNotUsedAndStatusesGoIntoTheNote() {
        String json = "{\"values\": [" + String.join(",",
                entry("N15428", "0665", 2022, "{\"gender\": \"T\", \"status\": \"B\", \"value\": 81.2}"),
                entry("N15428", "0006", 2022, "{\"gender\": \"T\", \"status\": \"\", \"value\": 86.3, \"isdeleted\": true}"),
                entry("N15428", "0000", 2022, total("84.65", "B"))) + "]}";
        RecordMeasurement command = plan(json, Map.of("N15428", List.of(measured("a")))).measurements().get(0).command();
        assertThat(command.referenceValues()).doesNotContainKey(ReferenceArea.COUNTY);
        assertThat(command.note()).isEqualTo("Kolada N15428 2022, total (T); status B for 0665; status B for 0000; "
                + "länet (0006) 2022: marked deleted in Kolada");
    }

    @Test
    void anEarlierMeasurementIsTheSameWhenEveryFigureIsNumericallyEqualWhateverTheFetchTime() {
        String json = "{\"values\": [" + String.join(",",
                entry("N15428", "0665", 2022, total("81.2", "")),
                entry("N15428", "0000", 2022, total("84.65", ""))) + "]}";
        RecordMeasurement command = plan(json, Map.of("N15428", List.of(measured("a")))).measurements().get(0).command();
        var source = command.source();
        MeasurementRecorded earlier = new MeasurementRecorded(IndicatorId.of("a"), "2022-AR", new BigDecimal("81.20"), null,
                "2022", Map.of(ReferenceArea.NATIONAL, new BigDecimal("84.650")),
                new se.malspar.kernel.programme.measurement.MeasurementSource(SourceKind.KOLADA, "N15428", source.areaIds(),
                        "another file", Instant.parse("2020-01-01T00:00:00Z"),
                        Map.of("0665", new BigDecimal("81.2"), "0000", new BigDecimal("84.65"))), command.note());
        assertThat(KoladaImporter.same(earlier, command)).isTrue();
        MeasurementRecorded revised = new MeasurementRecorded(IndicatorId.of("a"), "2022-AR", new BigDecimal("81.3"), null,
                "2022", earlier.referenceValues(), earlier.source(), command.note());
        assertThat(KoladaImporter.same(revised, command)).isFalse();
        MeasurementRecorded otherYear = new MeasurementRecorded(IndicatorId.of("a"), "2022-AR", new BigDecimal("81.2"), null,
                "2021", earlier.referenceValues(), earlier.source(), command.note());
        assertThat(KoladaImporter.same(otherYear, command)).isFalse();
    }
}
