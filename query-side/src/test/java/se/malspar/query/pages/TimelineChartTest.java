package se.malspar.query.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.query.programme.IndicatorFulfilment;
import se.malspar.query.programme.IndicatorHistory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline chart is drawn from the history as recorded: one step per decided ambition level
 * (linked to its decision), a corrected entry is not drawn as a step, lines only where there are
 * values, and each measured period carries the verdict in force (a human assessment over the computed one).
 */
class TimelineChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2023-01-01T00:00:00Z");

    @Test
    void eachDecidedAmbitionLevelIsAStepLinkedToItsDecisionAndACorrectedEntryIsNot() throws Exception {
        IndicatorHistory history = new IndicatorHistory("i", "Provmätvärde", "d", "p", List.of(
                version("a1", "AMBITION_LEVEL", "{\"text\": \"minst 80 %\"}", "2021-01-14", "ks-2021-01-14-p901", null),
                version("a0", "AMBITION_LEVEL", "{\"text\": \"minst 90 %\"}", "2021-01-14", "ks-2021-01-14-p901", AT),
                version("a2", "AMBITION_LEVEL", "{\"text\": \"minst 70 %\"}", "2022-01-12", "ks-2022-01-12-p902", null),
                version("t1", "TARGET_VALUE", "{\"value\": 85, \"year\": 2021}", "2021-01-14", "ks-2021-01-14-p901", null)),
                List.of(measurement("2021-AR", "75.0", "{\"NATIONAL\": 78.2}"), measurement("2022-AR", "72.5", "{}")),
                List.of(verdict("2021-AR", "COMPUTED", "RED"), verdict("2022-AR", "COMPUTED", "RED"),
                        verdict("2022-AR", "HUMAN", "YELLOW")));

        IndicatorTimeline timeline = IndicatorTimeline.of(history);
        TimelineChart chart = TimelineChart.of(timeline, new Svenska());

        assertThat(chart.markers()).extracting(TimelineChart.Marker::decisionId)
                .containsExactly("ks-2021-01-14-p901", "ks-2022-01-12-p902");
        assertThat(chart.markers().get(0).x()).isLessThan(chart.markers().get(1).x());
        assertThat(timeline.replaced()).extracting(IndicatorTimeline.Step::value)
                .extracting(v -> v.path("text").asText()).containsExactly("minst 90 %");
        assertThat(chart.municipality()).startsWith("M").contains(" L");
        assertThat(chart.national()).startsWith("M").doesNotContain(" L"); // one riket value: a point, no line
        assertThat(chart.county()).isEmpty();
        assertThat(chart.target()).startsWith("M").contains(" H");
        assertThat(chart.dots()).extracting(TimelineChart.Dot::status).containsExactly("RED", "YELLOW");
        assertThat(timeline.statusOf("2022-AR")).isEqualTo("YELLOW");
        assertThat(chart.xTicks()).extracting(TimelineChart.Tick::label).contains("2021", "2022", "2023");
    }

    @Test
    void anIndicatorWithoutMeasurementsHasStepsButNoValueAxis() throws Exception {
        IndicatorHistory history = new IndicatorHistory("i", "Gymnasiebehörighet", "d", "p", List.of(
                version("a1", "AMBITION_LEVEL", "{\"text\": \"+ 4% över riket 2022\"}", "2021-01-13", "ks-2021-01-13-p12", null)),
                List.of(), List.of());
        TimelineChart chart = TimelineChart.of(IndicatorTimeline.of(history), new Svenska());
        assertThat(chart.hasValues()).isFalse();
        assertThat(chart.yTicks()).isEmpty();
        assertThat(chart.markers()).hasSize(1);
    }

    private static IndicatorHistory.Version version(String id, String kind, String value, String from, String decision,
                                                    Instant supersededAt) throws Exception {
        return new IndicatorHistory.Version(id, kind, kind, JSON.readTree(value), LocalDate.parse(from), null,
                new DecisionReference(new DecisionId(decision), decision.toUpperCase()), false, null, null, AT, "strategy",
                supersededAt, supersededAt == null ? null : "correction", null);
    }

    private static IndicatorHistory.MeasurementVersion measurement(String period, String value, String references) throws Exception {
        return new IndicatorHistory.MeasurementVersion(period, period, new BigDecimal(value), null, period.substring(0, 4),
                JSON.readTree(references), null, null, AT, "strategy", null, null);
    }

    private static IndicatorFulfilment.VerdictVersion verdict(String period, String source, String verdict) {
        return new IndicatorFulfilment.VerdictVersion(period + source, period, source, verdict, "1.0", period, false,
                null, null, "förklaring", "explanation", null, null, AT, "strategy", null, null, null);
    }
}
