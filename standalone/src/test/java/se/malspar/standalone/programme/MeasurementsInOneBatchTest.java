package se.malspar.standalone.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measurements recorded while the programme read model is stopped reach it together, in one
 * batch, and supersede each other exactly as when they come one at a time: per period the latest
 * is current, and each earlier one is superseded by the next, at the time the next was recorded.
 * So do their computed verdicts.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class MeasurementsInOneBatchTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore store;
    @Autowired
    JdbcClient jdbc;

    private static JsonNode ok(ApiClient.Response response) {
        return TestIndicator.ok(response);
    }

    private record Row(String factId, String period, Instant recordedAt, Instant supersededAt, String supersededBy) {
    }

    private List<Row> rows(String table, String indicator) {
        return jdbc.sql("select fact_id, period, recorded_at, superseded_at, superseded_by from " + table
                        + " where indicator_id = :id order by global_index")
                .param("id", indicator)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** The ids of the indicator's events of one type, in the order of the event store. */
    private List<String> events(String indicator, String type) {
        return jdbc.sql("""
                        select event_identifier from domain_event_entry
                         where aggregate_identifier = :id and payload_type = :type order by global_index""")
                .param("id", indicator).param("type", type)
                .query(String.class).list();
    }

    /** Per period, each row is superseded by the next of its period when that was recorded; the last is current. */
    private static void assertEachSupersededByTheNextOfItsPeriod(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Row next = rows.subList(i + 1, rows.size()).stream()
                    .filter(r -> r.period().equals(row.period())).findFirst().orElse(null);
            if (next == null) {
                assertThat(row.supersededAt()).as(row.toString()).isNull();
                assertThat(row.supersededBy()).as(row.toString()).isNull();
            } else {
                assertThat(row.supersededBy()).as(row.toString()).isEqualTo(next.factId());
                assertThat(row.supersededAt()).as(row.toString()).isEqualTo(next.recordedAt());
            }
        }
    }

    @Test
    void measurementsOfOnePeriodInOneBatchSupersedeEachOtherAsOneAtATime() {
        ApiClient api = new ApiClient(port);
        String indicator = TestIndicator.create(api, "batch");
        CaughtUp.await(processing, store);
        List<String> periods = List.of("2022-AR", "2022-AR", "2023-T1", "2022-AR", "2023-T1", "2022-AR");

        EventProcessor programme = processing.eventProcessor("programme").orElseThrow();
        programme.shutDown();
        try {
            for (int i = 0; i < periods.size(); i++) {
                ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", """
                        {"period": "%s", "value": %d.5, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 80.0},
                         "source": {"kind": "MANUAL"}, "note": "värde %d"}""".formatted(periods.get(i), 78 + i, i)));
            }
            assertThat(rows("programme_measurement", indicator)).isEmpty();
        } finally {
            programme.start();
        }
        // A restarted processor may report positions before it has written anything: wait for the rows themselves.
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("programme_measurement", indicator).size() == periods.size()
                && rows("programme_verdict", indicator).size() == periods.size());
        CaughtUp.await(processing, store);

        List<Row> measurements = rows("programme_measurement", indicator);
        assertThat(measurements).extracting(Row::factId)
                .isEqualTo(events(indicator, "se.malspar.kernel.programme.MeasurementRecorded"));
        assertThat(measurements).extracting(Row::period).isEqualTo(periods);
        assertEachSupersededByTheNextOfItsPeriod(measurements);
        assertThat(measurements).filteredOn(m -> m.supersededAt() == null).extracting(Row::period)
                .containsExactly("2023-T1", "2022-AR");

        List<Row> verdicts = rows("programme_verdict", indicator);
        assertThat(verdicts).extracting(Row::factId)
                .isEqualTo(events(indicator, "se.malspar.kernel.fulfilment.FulfilmentComputed"));
        assertThat(verdicts).extracting(Row::period).isEqualTo(periods);
        assertEachSupersededByTheNextOfItsPeriod(verdicts);

        // And the history reads so: the first measurement of 2022-AR was replaced by the second.
        JsonNode history = ok(api.get("auditor", "/api/indicators/" + indicator + "/history"));
        assertThat(history.get("measurements")).hasSize(periods.size());
    }
}
