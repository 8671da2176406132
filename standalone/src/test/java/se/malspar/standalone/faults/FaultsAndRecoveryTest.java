package se.malspar.standalone.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a real process under write load, hit by the faults production sees: the
 * JVM killed (SIGKILL), PostgreSQL killed, a SIGTERM. The client ledger (every acknowledged
 * write) is checked against the event store, and the read model against the store and a rebuild.
 */
class FaultsAndRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void afterTheApplicationIsKilledTheFirstRestartHasEveryAcknowledgedWriteOnceAndTheReadModelAgrees() {
        WriteLoad load;
        try (ApplicationProcess first = ApplicationProcess.start(dataDir, "killed-first")) {
            ProcessHandle postmaster = first.postmaster();
            load = new WriteLoad(first.client(), "2024-01-17", 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 30);
            first.kill();
            load.stop();
            // The JVM is gone; its PostgreSQL is not (its parent was the JVM, now it is an orphan).
            assertThat(postmaster.isAlive()).isTrue();
        }
        try (ApplicationProcess second = ApplicationProcess.start(dataDir, "killed-second")) {
            assertThat(second.log()).contains("left by a killed process");
            var stored = Ledger.assertStoreHoldsEachAcknowledgedWriteOnce(second.api(), load.acknowledged);
            Ledger.assertReadModelEqualsStoreAndARebuild(second.api(), stored.keySet());
        }
    }

    @Test
    void whilePostgresIsDeadRequestsGet503AndItIsRestartedWithoutRestartingTheApplication() {
        try (ApplicationProcess app = ApplicationProcess.start(dataDir, "postgres-killed");
             WriteLoad load = new WriteLoad(app.client(), "2024-02-14", 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 20);
            ProcessHandle postmaster = app.postmaster();
            postmaster.destroyForcibly();
            long killed = System.nanoTime();
            // Writes succeed again, on the same application process, once PostgreSQL is back.
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedAfter(killed + Duration.ofSeconds(1).toNanos()) >= 10);
            load.stop();

            assertThat(load.count(500)).as("no 500 while the database is away").isZero();
            assertThat(load.count(503)).as("the outage is answered with 503").isPositive();
            assertThat(load.outcomes).filteredOn(o -> o.status() == 503)
                    .allSatisfy(o -> {
                        assertThat(o.retryAfter()).isNotBlank();
                        assertThat(o.body()).contains("DATABASE_UNAVAILABLE");
                        assertThat(Duration.ofNanos(o.endedNanos() - o.startedNanos())).isLessThan(Duration.ofSeconds(5));
                    });
            assertThat(app.postmaster().pid()).isNotEqualTo(postmaster.pid());
            assertThat(app.client().get("/actuator/health/liveness").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(90)).until(() -> app.client().get("/actuator/health/readiness").status() == 200);

            var stored = Ledger.assertStoreHoldsEachAcknowledgedWriteOnce(app.api(), load.acknowledged);
            Ledger.assertReadModelEqualsStoreAndARebuild(app.api(), stored.keySet());
        }
    }

    @Test
    void sigtermUnderLoadFinishesTheRequestsInFlightAndLosesNothing() {
        WriteLoad load;
        long terminated;
        try (ApplicationProcess app = ApplicationProcess.start(dataDir, "terminated")) {
            load = new WriteLoad(app.client(), "2024-03-13", 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 30);
            terminated = System.nanoTime();
            app.terminate();
            assertThat(app.awaitExit(Duration.ofSeconds(60))).as("stopped within its shutdown timeouts").isTrue();
            load.stop();
            String log = app.log();
            assertThat(log).doesNotContain("unexpected error while handling a request");
            // The order of the shutdown: requests drained, then the processors, then PostgreSQL.
            int drained = log.indexOf("Graceful shutdown complete");
            int processorsStopping = log.indexOf("Stopping PooledStreamingEventProcessor");
            int postgresStopped = log.indexOf("shut down postmaster");
            assertThat(drained).as("requests drained").isPositive();
            assertThat(processorsStopping).as("processors stopped after the requests").isGreaterThan(drained);
            assertThat(postgresStopped).as("PostgreSQL stopped last").isGreaterThan(processorsStopping);
        }
        List<FaultClient.Outcome> sentBefore = load.outcomes.stream().filter(o -> o.startedNanos() < terminated).toList();
        assertThat(sentBefore).filteredOn(o -> o.endedNanos() > terminated)
                .as("requests in flight when SIGTERM came").isNotEmpty();
        assertThat(sentBefore).as("every request sent before SIGTERM completed, also those in flight")
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isBetween(200, 299));
        // Later ones are refused (not accepted any more), never answered with an error.
        assertThat(load.outcomes).noneMatch(o -> o.status() >= 500 && o.status() != 503);

        try (ApplicationProcess again = ApplicationProcess.start(dataDir, "terminated-again")) {
            Ledger.assertStoreHoldsEachAcknowledgedWriteOnce(again.api(), load.acknowledged);
        }
    }
}
