package se.malspar.standalone.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.malspar.command.CommandSideApplication;
import se.malspar.query.QuerySideApplication;
import se.malspar.standalone.programme.TestIndicator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command-side and two query-side processes (real JVMs) on one PostgreSQL server started
 * here. Clients write through both command sides in turn: decisions, and measurements all on one
 * indicator (so the two processes keep changing the same aggregate). One command side is killed
 * mid-load. Every acknowledged write is in the store once, no request was refused because of the
 * other process, and both query sides show what the store holds, also after a replay started on
 * one of them while the other runs.
 */
class SeveralProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void twoCommandSidesOneKilledAndTwoQuerySidesLoseNothingRefuseNothingAndConverge() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            List<String> database = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
            List<ApplicationProcess> started = new ArrayList<>();
            try {
                // One after another: on an empty store two processes that create the same processor's
                // token rows at the same moment collide, and the loser exits at start (README,
                // Distributed mode: start the first instance of each side before the others).
                ApplicationProcess command1 = start(started, CommandSideApplication.class, "several-command-1", database);
                start(started, CommandSideApplication.class, "several-command-2", database);
                start(started, QuerySideApplication.class, "several-query-1", database);
                start(started, QuerySideApplication.class, "several-query-2", database);
                run(postgres, command1, started.get(1), started.get(2), started.get(3));
            } finally {
                started.forEach(ApplicationProcess::close);
            }
        }
    }

    private ApplicationProcess start(List<ApplicationProcess> started, Class<?> app, String name, List<String> database) {
        ApplicationProcess process = ApplicationProcess.start(app, name, dataDir, database);
        started.add(process);
        return process;
    }

    private void run(EmbeddedPostgres postgres, ApplicationProcess command1, ApplicationProcess command2,
                     ApplicationProcess query1, ApplicationProcess query2) throws Exception {
        String indicator = TestIndicator.create(command1.api(), "several");
        List<FaultClient> commandSides = List.of(command1.client(), command2.client());
        MeasurementLoad measurements = new MeasurementLoad(commandSides, indicator, 2);
        WriteLoad decisions = new WriteLoad(commandSides, "2024-04-10", 2);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> decisions.acknowledged.size() >= 20
                    && measurements.acknowledged.size() >= 20);
            command2.kill();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> decisions.acknowledgedAfter(killed) >= 10
                    && measurements.acknowledgedAfter(killed) >= 10);
        } finally {
            decisions.stop();
            measurements.stop();
        }

        List<FaultClient.Outcome> all = new ArrayList<>(decisions.outcomes);
        all.addAll(measurements.outcomes);
        // 0: the killed process refused the connection; -1: in flight when it was killed.
        assertThat(all).as("no request refused or failed because of the other process")
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 201, 0, -1));

        var stored = Ledger.assertStoreHoldsEachAcknowledgedWriteOnce(query1.api(), decisions.acknowledged);
        Map<String, Integer> notes = measurementNotes(postgres, indicator);
        assertThat(notes).as("no measurement stored twice").allSatisfy((note, n) -> assertThat(n).as(note).isEqualTo(1));
        assertThat(notes.keySet()).as("every acknowledged measurement is stored").containsAll(measurements.acknowledged);

        for (ApplicationProcess query : List.of(query1, query2)) {
            Ledger.awaitRegisterEquals(query.api(), stored.keySet());
        }
        // Which process holds which segment: the same answer from both, and only these two.
        Set<String> queryNodes = Set.of(query1.nodeIdPrefix(), query2.nodeIdPrefix());
        for (ApplicationProcess query : List.of(query1, query2)) {
            JsonNode view = query.api().get("operator", "/api/admin/projections/decision-register").json();
            assertThat(view.get("instance").asText()).startsWith(query.nodeIdPrefix());
            assertThat(view.get("segments")).isNotEmpty().allSatisfy(segment -> {
                String owner = segment.get("owner").asText();
                assertThat(queryNodes).anySatisfy(node -> assertThat(owner).startsWith(node));
                assertThat(segment.get("claimed").asBoolean()).isEqualTo(owner.startsWith(query.nodeIdPrefix()));
            });
        }

        // A replay started on one query side while the other runs: both serve the rebuilt register.
        Ledger.assertReadModelEqualsStoreAndARebuild(query1.api(), stored.keySet());
        Ledger.awaitRegisterEquals(query2.api(), stored.keySet());
        assertThat(query2.log()).contains("another instance replays decision-register");
    }

    /** note → how many measurements of the indicator carry it, read straight from the event store. */
    private static Map<String, Integer> measurementNotes(EmbeddedPostgres postgres, String indicator) throws Exception {
        Map<String, Integer> notes = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select convert_from(payload, 'UTF8') from domain_event_entry
                      where aggregate_identifier = ? and payload_type like '%.MeasurementRecorded'""")) {
            s.setString(1, indicator);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    notes.merge(JSON.readTree(rs.getString(1)).get("note").asText(), 1, Integer::sum);
                }
            }
        }
        return notes;
    }

    /** Measurements on one indicator, each with its own note and Idempotency-Key, through the command sides in turn. */
    private static final class MeasurementLoad {

        private final List<FaultClient> clients;
        private final String indicator;
        private final AtomicInteger counter = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Queue<FaultClient.Outcome> outcomes = new ConcurrentLinkedQueue<>();

        MeasurementLoad(List<FaultClient> clients, String indicator, int writers) {
            this.clients = clients;
            this.indicator = indicator;
            for (int i = 0; i < writers; i++) {
                Thread t = new Thread(this::write, "measurer-" + i);
                t.start();
                threads.add(t);
            }
        }

        private void write() {
            while (running.get()) {
                int n = counter.incrementAndGet();
                String note = "ledger-" + n;
                FaultClient.Outcome outcome = clients.get(n % clients.size()).send("POST",
                        "/api/admin/indicators/" + indicator + "/measurements", """
                                {"period": "2023-AR", "value": %d.5, "dataPeriod": "2023", "note": "%s",
                                 "source": {"kind": "MANUAL"}}""".formatted(n % 100, note), "measure-" + n);
                outcomes.add(outcome);
                if (outcome.status() >= 200 && outcome.status() < 300) {
                    acknowledged.add(note);
                }
            }
        }

        long acknowledgedAfter(long nanos) {
            return outcomes.stream().filter(o -> o.startedNanos() > nanos && o.status() >= 200 && o.status() < 300).count();
        }

        void stop() {
            running.set(false);
            for (Thread t : threads) {
                try {
                    t.join(70_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
