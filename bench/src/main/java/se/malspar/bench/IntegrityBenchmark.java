package se.malspar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 6. Integrity: on the store of #1 (N events, default 1,000,000), (a) sealing the whole store from
 * an empty tree, (b) a full verification (every leaf recomputed from the stored rows, compared
 * with the sealed one, the root checked against the signed checkpoint) against the plain ordered
 * JDBC read of the same rows in the same run; then (c) the seal lag under closed-loop writes on a
 * fresh store.
 * <p>
 * Arguments: {@code [events=1000000] [runs=3] [writeSeconds=20]}. Between sealing runs the seal
 * tables are emptied with triggers switched off (a benchmark-only step: they are append-only).
 */
public final class IntegrityBenchmark {

    public static void main(String[] argv) throws Exception {
        int events = argv.length > 0 ? Integer.parseInt(argv[0]) : 1_000_000;
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 3;
        double writeSeconds = argv.length > 2 ? Double.parseDouble(argv[2]) : 20;
        Path dir = Path.of("bench/target/store-" + events);
        if (!Files.exists(dir.resolve("generated"))) {
            RebuildBenchmark.generate(dir, events);
        }
        try (ConfigurableApplicationContext ctx = Support.start(dir)) {
            Support.machine(ctx);
            storeRuns(ctx, runs);
        }
        try (ConfigurableApplicationContext ctx = Support.start(Path.of("bench/target/integrity-writes-" + System.currentTimeMillis()))) {
            sealLagUnderWrites(ctx, writeSeconds);
        }
        System.exit(0);
    }

    static void storeRuns(ConfigurableApplicationContext ctx, int runs) throws Exception {
        JdbcTemplate jdbc = Support.jdbc(ctx);
        Support.Api api = new Support.Api(Support.port(ctx));
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        long rows = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Support.log("== integrity on the store: %d events, head %d", rows, head);
        waitSealed(jdbc, head, 3600);
        RebuildBenchmark.waitForLagZero(api, null, 3600);
        Lifecycle sealer = ctx.getBean("sealer", Lifecycle.class);
        List<Double> sealing = new ArrayList<>(), plain = new ArrayList<>(), verify = new ArrayList<>(), ratio = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            sealer.stop();
            clearSeal(ctx.getBean(DataSource.class));
            long start = System.nanoTime();
            sealer.start();
            waitSealed(jdbc, head, 3600);
            double sealRate = head / ((System.nanoTime() - start) / 1e9);
            // the checkpoint the verification checks the recomputed root against
            api.expect(200, api.send("revisor", "GET", "/api/integrity/checkpoints/latest", null));

            double p = RebuildBenchmark.plainRead(ctx, false);
            long vStart = System.nanoTime();
            JsonNode started = api.json(api.expect(202, api.send("operator", "POST", "/api/integrity/verifications", null)));
            String id = started.get("verificationId").asText();
            JsonNode result;
            do {
                Thread.sleep(200);
                result = api.json(api.expect(200, api.send("operator", "GET", "/api/integrity/verifications/" + id, null)));
            } while ("RUNNING".equals(result.get("state").asText()));
            double seconds = (System.nanoTime() - vStart) / 1e9;
            if (!"PASSED".equals(result.get("state").asText())) {
                throw new IllegalStateException("the verification did not pass: " + result);
            }
            double v = result.get("eventsTotal").asLong() / seconds;
            Support.log("run %d: sealing %.0f leaves/s; plain ordered read %.0f ev/s; verification %.0f leaves/s (%d leaves in %.1f s), ratio %.3f",
                    r, sealRate, p, v, result.get("eventsTotal").asLong(), seconds, v / p);
            sealing.add(sealRate);
            plain.add(p);
            verify.add(v);
            ratio.add(v / p);
        }
        Support.log("RESULT sealing the whole store from an empty tree: %s leaves/s", Support.summary(sealing, "%.0f"));
        Support.log("RESULT plain ordered read (JDBC, fetch size 5000):  %s ev/s", Support.summary(plain, "%.0f"));
        Support.log("RESULT full verification:                         %s leaves/s", Support.summary(verify, "%.0f"));
        Support.log("RESULT ratio verification / plain read:           %s", Support.summary(ratio, "%.3f"));
    }

    static void sealLagUnderWrites(ConfigurableApplicationContext ctx, double seconds) throws Exception {
        Support.Api api = new Support.Api(Support.port(ctx));
        List<String> indicators = Support.buildProgramme(api, "seal", HttpBenchmark.INDICATORS);
        Load.Result warm = Load.closed(16, HttpBenchmark.WARM_UP_SECONDS, HttpBenchmark.write(api, indicators, "strategy", "warm-"));
        Support.log("== seal lag under writes; warm-up (not recorded): %s", warm.describe());
        MeterRegistry meters = ctx.getBean(MeterRegistry.class);
        Timer lag = meters.get("malspar.integrity.seal.lag").timer();
        long countBefore = lag.count();
        double maxBefore = lag.max(TimeUnit.MILLISECONDS);
        Load.Result closed = Load.closed(16, seconds, HttpBenchmark.write(api, indicators, "strategy", "lag-"));
        Thread.sleep(1000); // the last events' seal
        Support.log("closed loop writes, 16 threads, %.0f s: %s", seconds, closed.describe());
        StringBuilder percentiles = new StringBuilder();
        for (ValueAtPercentile v : lag.takeSnapshot().percentileValues()) {
            percentiles.append(String.format(java.util.Locale.ROOT, " p%.0f=%.1f ms", v.percentile() * 100, v.value(TimeUnit.MILLISECONDS)));
        }
        Support.log("RESULT writes during the seal-lag run: %.0f commands/s", closed.rate());
        Support.log("RESULT seal lag (event timestamp to sealed leaf), %d leaves sealed during the run, last 2 minutes:%s, max %.1f ms (before the run: max %.1f ms)",
                lag.count() - countBefore, percentiles, lag.max(TimeUnit.MILLISECONDS), maxBefore);
    }

    static void waitSealed(JdbcTemplate jdbc, long head, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (jdbc.queryForObject("select coalesce(max(sequence), 0) from integrity_leaf", Long.class) < head) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the store was not sealed within " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Benchmark only: empties the append-only seal tables with their triggers switched off. */
    static void clearSeal(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            s.execute("truncate integrity_leaf, integrity_node");
            c.commit();
        }
    }
}
