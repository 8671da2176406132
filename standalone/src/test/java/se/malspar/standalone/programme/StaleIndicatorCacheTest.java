package se.malspar.standalone.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side keeps indicators in a cache between commands. If another process appended to
 * an indicator meanwhile, the cached one is stale: it is not used, the indicator is read from the
 * store, and the next command succeeds at once, after the other process's event.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class StaleIndicatorCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    private static JsonNode ok(ApiClient.Response response) {
        return TestIndicator.ok(response);
    }

    private long lastSequence(String indicator) {
        return jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = :id")
                .param("id", indicator).query(Long.class).single();
    }

    private static String measurement(String period) {
        return """
                {"period": "%s", "value": 81.5, "dataPeriod": "2022", "referenceValues": {"NATIONAL": 80.0},
                 "source": {"kind": "MANUAL"}}""".formatted(period);
    }

    @Test
    void aCommandOnAnIndicatorAnotherProcessChangedSucceedsAtOnceAfterTheOtherProcesssEvent() {
        ApiClient api = new ApiClient(port);
        String indicator = TestIndicator.create(api, "stale");
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", measurement("2021-AR")));

        // Another command-side process appends to the same indicator.
        long sequence = lastSequence(indicator) + 1;
        String type = jdbc.sql("select type from domain_event_entry where aggregate_identifier = :id limit 1")
                .param("id", indicator).query(String.class).single();
        transactions.executeInTransaction(() -> store.publish(new GenericDomainEventMessage<>(type, indicator, sequence,
                new MeasurementRecorded(IndicatorId.of(indicator), "2021-AR", new BigDecimal("82.0"), null, "2021",
                        Map.of(), new MeasurementSource(SourceKind.MANUAL, null, null, null, null, null), "elsewhere"),
                Map.of("userId", "strategy", "loginMode", "basic"))));

        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/measurements", measurement("2022-AR")));
        assertThat(lastSequence(indicator)).as("its measurement and verdict appended after the other process's event").isEqualTo(sequence + 2);
    }
}
