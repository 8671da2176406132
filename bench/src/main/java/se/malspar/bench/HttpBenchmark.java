package se.malspar.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCrypt;
import se.malspar.platform.database.EmbeddedDatabase;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * 2. writes, 3. reads, 4. freshness — the admin and read API over HTTP on loopback with basic auth.
 * Arguments: {@code writes|freshness|reads|etag [runs=3] [seconds=10]}; reads also {@code [store events=1000000]}.
 * etag (issue 16): a council-size tree (60 indicators) answered in full and as 304 to If-None-Match.
 */
public final class HttpBenchmark {

    static final int INDICATORS = 100;

    public static void main(String[] argv) throws Exception {
        String mode = argv[0];
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 3;
        double seconds = argv.length > 2 ? Double.parseDouble(argv[2]) : 10;
        Path dir = mode.equals("reads") ? Path.of("bench/target/store-" + (argv.length > 3 ? argv[3] : "1000000"))
                : Path.of("bench/target/" + mode + "-" + System.currentTimeMillis());
        // -Dbench.appArgs="--malspar.events.storage-engine=jdbc …": the application's settings to compare
        String[] appArgs = System.getProperty("bench.appArgs", "").isBlank() ? new String[0]
                : System.getProperty("bench.appArgs").strip().split("\\s+");
        if (mode.equals("writes") && COUNT_STATEMENTS) {
            StatementCounter.install();
        }
        try (ConfigurableApplicationContext ctx = Support.start(dir, appArgs)) {
            Support.machine(ctx);
            Support.Api api = new Support.Api(Support.port(ctx));
            switch (mode) {
                case "writes" -> writes(ctx, api, runs, seconds);
                case "freshness" -> freshness(ctx, api, runs, seconds);
                case "reads" -> reads(ctx, api, runs, seconds);
                case "etag" -> etag(api, runs, seconds);
                default -> throw new IllegalArgumentException(mode);
            }
            // Spring Security upgrades a stored bcrypt hash whose cost is below its encoder's (10) at each login.
            var accounts = ctx.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
            for (String user : new String[]{"strategy", "auditor"}) {
                String hash = accounts.loadUserByUsername(user).getPassword();
                Support.log("RESULT stored password hash of %s after the run: %s… (bcrypt cost %s)", user,
                        hash.substring(0, Math.min(hash.length(), 15)), hash.replaceAll("^(\\{bcrypt})?\\$2.\\$(\\d+)\\$.*", "$2"));
            }
            Support.log("RESULT reference: bcrypt cost 10 checks/s, one thread: %.1f", bcryptPerSecond(10));
        }
        System.exit(0);
    }

    static String measurement(long n) {
        return """
                {"period": "%d-AR", "value": %d.5, "dataPeriod": "%d", "referenceValues": {"NATIONAL": 80.1, "COUNTY": 82.0},
                 "source": {"kind": "KOLADA", "kpi": "N15428", "url": "https://api.kolada.se/v2/data/kpi/N15428"}, "note": "bench-%s"}"""
                .formatted(2000 + n % 30, n % 100, 2000 + n % 30, n);
    }

    static Load.Request write(Support.Api api, List<String> indicators, String user, String tag) {
        return n -> {
            HttpResponse<String> r = api.send(user, "POST", "/api/admin/indicators/" + indicators.get((int) (n % indicators.size()))
                    + "/measurements", measurement(n).replace("bench-" + n, tag + n));
            return Load.expect(r, 201);
        };
    }

    /** Reference in the same run: bcrypt checks per second on one thread, in this JVM. */
    static double bcryptPerSecond(int cost) {
        String hash = BCrypt.hashpw(Support.PASSWORD, BCrypt.gensalt(cost));
        for (int i = 0; i < 20; i++) {
            BCrypt.checkpw(Support.PASSWORD, hash);
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 1_000_000_000L) {
            BCrypt.checkpw(Support.PASSWORD, hash);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static void writes(ConfigurableApplicationContext ctx, Support.Api api, int runs, double seconds) throws Exception {
        List<String> indicators = Support.buildProgramme(api, "writes", INDICATORS);
        Support.log("== writes: %d indicators; RecordMeasurement over HTTP (basic auth), synchronous_commit=%s", indicators.size(),
                Support.jdbc(ctx).queryForObject("show synchronous_commit", String.class));
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        // Warm-up, not recorded: the JIT compiler otherwise takes a large share of the first runs' CPU.
        Load.Result warm = Load.closed(16, WARM_UP_SECONDS, write(api, indicators, "strategy", "warm-"));
        Support.log("warm-up (%d s, not recorded): %s", (long) WARM_UP_SECONDS, warm.describe());
        if (COUNT_STATEMENTS) {
            countStatements(api, indicators, seconds);
            return;
        }
        try (JdbcInsertReference jdbc = new JdbcInsertReference(ctx.getBean(EmbeddedDatabase.class))) {
            writeRuns(api, indicators, runs, seconds, figures, jdbc);
        }
        print(figures);
    }

    /** -Dbench.countStatements=true: instead of the measured runs, the SQL statements per command (see StatementCounter). */
    static final boolean COUNT_STATEMENTS = Boolean.getBoolean("bench.countStatements");

    private static void countStatements(Support.Api api, List<String> indicators, double seconds) throws Exception {
        StatementCounter.reset();
        StatementCounter.counting = true;
        Load.Result closed = Load.closed(16, seconds, write(api, indicators, "strategy", "count-"));
        Thread.sleep(3000); // the read models and the sealer catch up; their statements count too
        StatementCounter.counting = false;
        Map<String, Long> counts = StatementCounter.counts();
        long commands = closed.ok();
        Support.log("== SQL statements per command (%d commands; every connection of the process, read models included)", commands);
        counts.forEach((sql, n) -> Support.log("%8.3f  %s", (double) n / commands, sql));
        Support.log("RESULT statements per command (commits included): %.2f",
                counts.values().stream().mapToLong(Long::longValue).sum() / (double) commands);
    }

    private static void writeRuns(Support.Api api, List<String> indicators, int runs, double seconds,
                                  Map<String, List<Double>> figures, JdbcInsertReference jdbc) throws Exception {
        for (int r = 1; r <= runs; r++) {
            String tag = "r" + r + "-";
            Load.Result health = Load.closed(16, seconds / 2, n -> Load.expect(api.send(null, "GET", "/actuator/health/liveness", null), 200));
            Support.log("run %d reference: closed loop GET /actuator/health/liveness (no auth), 16 threads: %s", r, health.describe());
            add(figures, "reference: closed loop GET /actuator/health/liveness (no auth) req/s", health.rate());
            addCpu(figures, "reference without auth", health);
            // The same request with the writes' basic auth: what the HTTP stack and the security chain
            // (credentials from VerifiedCredentials' cache) cost before any command work. Neither queries the database.
            Load.Result authenticated = Load.closed(16, seconds / 2,
                    n -> Load.expect(api.send("strategy", "GET", "/actuator/health/liveness", null), 200));
            Support.log("run %d reference: closed loop GET /actuator/health/liveness with basic auth (strategy), 16 threads: %s; %s",
                    r, authenticated.describe(), authenticated.describeCpu());
            add(figures, "reference: closed loop GET /actuator/health/liveness with basic auth req/s", authenticated.rate());
            addCpu(figures, "reference with basic auth", authenticated);
            JdbcInsertReference.Position before = jdbc.position();
            Load.Result closed = Load.closed(16, seconds, write(api, indicators, "strategy", tag + "c-"));
            Support.log("run %d closed loop writes, 16 threads: %s", r, closed.describe());
            Support.log("run %d closed loop writes: %s", r, closed.describeCpu());
            add(figures, "closed loop writes commands/s", closed.rate());
            addCpu(figures, "closed loop writes", closed);
            // What the writes left per command (after the read models and the sealer caught up), and the
            // physical limit: as many durable single-row inserts per command through plain JDBC, same concurrency.
            Thread.sleep(2000);
            JdbcInsertReference.Delta perCommand = jdbc.position().minus(before, closed.ok());
            Support.log("run %d closed loop writes left %s", r, perCommand);
            add(figures, "closed loop writes: rows per command", perCommand.rowsPerCommand());
            add(figures, "closed loop writes: write transactions per command", perCommand.transactionsPerCommand());
            add(figures, "closed loop writes: WAL bytes per command", perCommand.walBytesPerCommand());
            int inserts = (int) Math.max(1, Math.round(perCommand.rowsPerCommand()));
            Load.Result plain = Load.closed(16, seconds / 2, jdbc.command(inserts));
            jdbc.closeConnections();
            Support.log("run %d reference: closed loop of %d single-row inserts (%d bytes each) per transaction, plain JDBC,"
                    + " 16 threads: %s", r, inserts, jdbc.rowBytes(), plain.describe());
            add(figures, "reference: plain JDBC commands/s (the writes' rows per command as single-row inserts, one durable commit)",
                    plain.rate());
            add(figures, "closed loop writes / plain JDBC reference", closed.rate() / plain.rate());
            add(figures, "closed loop writes / health reference", closed.rate() / health.rate());
            add(figures, "closed loop writes / health reference with basic auth", closed.rate() / authenticated.rate());
            int half = (int) Math.max(1, Math.round(closed.rate() / 2));
            // -Dbench.openLoops=false: closed loop and references only (shorter runs)
            for (int rate : Boolean.parseBoolean(System.getProperty("bench.openLoops", "true")) ? new int[]{half, 1000} : new int[0]) {
                Load.Result open = Load.open(rate, seconds, 64, 100, write(api, indicators, "strategy", tag + "o" + rate + "-"));
                String key = rate == 1000 ? "open loop 1000/s" : "open loop at half the closed-loop maximum";
                Support.log("run %d %s (%d/s): %s", r, key, rate, open.describe());
                add(figures, key + ": offered commands/s", rate);
                add(figures, key + ": achieved commands/s", open.rate());
                add(figures, key + ": p50 ms", open.latency().getValueAtPercentile(50) / 1000.0);
                add(figures, key + ": p99 ms", open.latency().getValueAtPercentile(99) / 1000.0);
                add(figures, key + ": p99.9 ms", open.latency().getValueAtPercentile(99.9) / 1000.0);
                add(figures, key + ": failed", open.failed());
                add(figures, key + ": saturated (1=yes)", open.saturated() ? 1 : 0);
            }
        }
    }

    static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("bench.warmUpSeconds", "15"));

    static void addCpu(Map<String, List<Double>> figures, String key, Load.Result result) {
        result.cpuPerRequest().forEach((role, ms) -> add(figures, key + ": CPU ms per request, " + role, ms));
        add(figures, key + ": machine busy %", 100 * result.machineBusy());
    }

    static void freshness(ConfigurableApplicationContext ctx, Support.Api api, int runs, double seconds) throws Exception {
        List<String> indicators = Support.buildProgramme(api, "fresh", INDICATORS);
        HikariDataSource ds = ctx.getBean(DataSource.class).unwrap(HikariDataSource.class);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        Load.closed(16, WARM_UP_SECONDS, write(api, indicators, "strategy", "warm-")); // not recorded
        double max = Load.closed(16, 5, write(api, indicators, "strategy", "max-")).rate();
        Support.log("closed-loop maximum right before the runs: %.0f commands/s", max);
        try (Connection probeConnection = DriverManager.getConnection(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword())) {
            VisibilityProbe probe = new VisibilityProbe(probeConnection);
            for (int r = 1; r <= runs; r++) {
                for (int rate : new int[]{(int) Math.max(1, Math.round(max / 2)), 1000}) {
                    String tag = "f" + r + "-" + rate + "-";
                    Histogram fresh = probe.start();
                    Load.Result result = Load.open(rate, seconds, 64, 100, n -> {
                        String indicator = indicators.get((int) (n % indicators.size()));
                        HttpResponse<String> resp = api.send("strategy", "POST", "/api/admin/indicators/" + indicator + "/measurements",
                                measurement(n).replace("bench-" + n, tag + n));
                        Load.expect(resp, 201);
                        probe.acknowledged(indicator, tag + n);
                        return true;
                    });
                    long neverVisible = probe.finish(Duration.ofSeconds(30));
                    Support.log("run %d freshness at %d/s: writes %s; ack->visible p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (n=%d, not visible within 30 s: %d)",
                            r, rate, result.describe(), fresh.getValueAtPercentile(50) / 1000.0, fresh.getValueAtPercentile(99) / 1000.0,
                            fresh.getValueAtPercentile(99.9) / 1000.0, fresh.getMaxValue() / 1000.0, fresh.getTotalCount(), neverVisible);
                    Support.log("run %d freshness at %d/s: %s", r, rate, result.describeCpu());
                    String key = rate == 1000 ? "1000/s" : "half of closed-loop max";
                    add(figures, "freshness at " + key + ": offered rate", rate);
                    add(figures, "freshness at " + key + ": achieved commands/s", result.rate());
                    add(figures, "freshness at " + key + ": ack->visible p50 ms", fresh.getValueAtPercentile(50) / 1000.0);
                    add(figures, "freshness at " + key + ": ack->visible p99 ms", fresh.getValueAtPercentile(99) / 1000.0);
                    add(figures, "freshness at " + key + ": ack->visible p99.9 ms", fresh.getValueAtPercentile(99.9) / 1000.0);
                    add(figures, "freshness at " + key + ": not visible within 30 s", neverVisible);
                    add(figures, "freshness at " + key + ": write p99 ms (from intended start)", result.latency().getValueAtPercentile(99) / 1000.0);
                    add(figures, "freshness at " + key + ": failed writes", result.failed());
                    add(figures, "freshness at " + key + ": saturated (1=yes)", result.saturated() ? 1 : 0);
                }
            }
            probe.close();
        }
        print(figures);
    }

    /**
     * When does an acknowledged measurement become visible in the read model? One thread, one
     * connection: every 2 ms it asks once for all measurements still waiting, so the probe costs
     * the system little and its precision is the poll interval. Visibility is dated at the start of
     * the query that first sees the row (the row was visible by then, and not at the previous poll).
     */
    static final class VisibilityProbe implements AutoCloseable {

        private record Waiting(String indicator, long acknowledged) {
        }

        private final Map<String, Waiting> waiting = new java.util.concurrent.ConcurrentHashMap<>();
        private final PreparedStatement query;
        private final Thread thread;
        private volatile boolean closed;
        private volatile Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

        VisibilityProbe(Connection connection) throws java.sql.SQLException {
            this.query = connection.prepareStatement(
                    "select note from programme_measurement where indicator_id = any(?) and note = any(?)");
            this.thread = new Thread(this::poll, "visibility-probe");
            thread.setDaemon(true);
            thread.start();
        }

        Histogram start() {
            waiting.clear();
            histogram = new ConcurrentHistogram(3_600_000_000L, 3);
            return histogram;
        }

        void acknowledged(String indicator, String note) {
            waiting.put(note, new Waiting(indicator, System.nanoTime()));
        }

        /** Waits for what is still invisible, at most the given time; returns how many never became visible. */
        long finish(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long left = waiting.size();
            waiting.clear();
            return left;
        }

        private void poll() {
            while (!closed) {
                try {
                    if (!waiting.isEmpty()) {
                        Map<String, Waiting> now = Map.copyOf(waiting);
                        long asked = System.nanoTime();
                        Connection c = query.getConnection();
                        query.setArray(1, c.createArrayOf("text", now.values().stream().map(Waiting::indicator).distinct().toArray()));
                        query.setArray(2, c.createArrayOf("text", now.keySet().toArray()));
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                Waiting w = waiting.remove(rs.getString(1));
                                if (w != null) {
                                    histogram.recordValue(Math.max(1, (asked - w.acknowledged()) / 1000));
                                }
                            }
                        }
                    }
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    Support.log("visibility probe: %s", e);
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }

    static void reads(ConfigurableApplicationContext ctx, Support.Api api, int runs, double seconds) throws Exception {
        RebuildBenchmark.waitForLagZero(api, null, 1800);
        var jdbc = Support.jdbc(ctx);
        Support.log("events in store: %d", jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        List<String> top = jdbc.queryForList("""
                select indicator_id from programme_measurement group by indicator_id order by count(*) desc limit 10""", String.class);
        List<String> all = jdbc.queryForList("select distinct indicator_id from programme_measurement order by 1", String.class);
        Support.log("history sizes: largest %d, 10th %d, indicators with measurements %d",
                jdbc.queryForObject("select count(*) from programme_measurement where indicator_id = ?", Long.class, top.get(0)),
                jdbc.queryForObject("select count(*) from programme_measurement where indicator_id = ?", Long.class, top.get(top.size() - 1)),
                all.size());
        String programme = jdbc.queryForObject("""
                select programme_id from programme_created order by global_index limit 1""", String.class);
        // Beside the store's programme of 2,000 indicators, one of a council's size (Vaggeryd's has a few dozen).
        String small = "council-size-" + System.currentTimeMillis() % 100000;
        List<String> smallIndicators = Support.buildProgramme(api, small, 60);
        Load.Request measure = write(api, smallIndicators, "strategy", "small-");
        for (long n = 0; n < 3L * smallIndicators.size(); n++) {
            measure.run(n);
        }
        RebuildBenchmark.waitForLagZero(api, null, 60);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        String[] dates = {"2019-06-30", "2021-01-01", "2022-12-31"};
        String user = "auditor";
        Map<String, Load.Request> requests = new LinkedHashMap<>();
        requests.put("tree as of, 60 indicators", n -> Load.expect(api.send(user, "GET", "/api/programmes/" + small + "?validAt=" + dates[(int) (n % 3)], null), 200));
        requests.put("tree as of, 2000 indicators", n -> Load.expect(api.send(user, "GET", "/api/programmes/" + programme + "?validAt=" + dates[(int) (n % 3)], null), 200));
        requests.put("indicator history (uniform)", n -> Load.expect(api.send(user, "GET", "/api/indicators/" + all.get((int) ((n * 7919) % all.size())) + "/history", null), 200));
        requests.put("indicator history (10 largest)", n -> Load.expect(api.send(user, "GET", "/api/indicators/" + top.get((int) (n % top.size())) + "/history", null), 200));
        for (var e : requests.entrySet()) {
            Load.Result warm = Load.closed(16, WARM_UP_SECONDS / requests.size(), e.getValue());
            Support.log("warm-up %s (not recorded): %s", e.getKey(), warm.describe());
        }
        for (int r = 1; r <= runs; r++) {
            Load.Result health = Load.closed(16, seconds / 2, n -> Load.expect(api.send(null, "GET", "/actuator/health/liveness", null), 200));
            Support.log("run %d reference: closed loop GET /actuator/health/liveness (no auth), 16 threads: %s", r, health.describe());
            add(figures, "reference: closed loop health (no auth) req/s", health.rate());
            for (var e : requests.entrySet()) {
                Load.Result closed = Load.closed(16, seconds / 2, e.getValue());
                Support.log("run %d reads %s, closed loop 16 threads: %s", r, e.getKey(), closed.describe());
                Support.log("run %d reads %s, closed loop: %s", r, e.getKey(), closed.describeCpu());
                add(figures, e.getKey() + ": closed loop req/s", closed.rate());
                addCpu(figures, e.getKey() + ": closed loop", closed);
                int half = (int) Math.max(1, Math.round(closed.rate() / 2));
                for (int rate : new int[]{half, 1000}) {
                    Load.Result res = Load.open(rate, seconds / 2, 64, 100, e.getValue());
                    String key = e.getKey() + (rate == 1000 ? " at 1000/s" : " at half the closed-loop maximum");
                    Support.log("run %d reads %s (%d/s): %s", r, key, rate, res.describe());
                    add(figures, key + ": offered req/s", rate);
                    add(figures, key + ": achieved req/s", res.rate());
                    add(figures, key + ": p50 ms", res.latency().getValueAtPercentile(50) / 1000.0);
                    add(figures, key + ": p99 ms", res.latency().getValueAtPercentile(99) / 1000.0);
                    add(figures, key + ": p99.9 ms", res.latency().getValueAtPercentile(99.9) / 1000.0);
                    add(figures, key + ": saturated (1=yes)", res.saturated() ? 1 : 0);
                }
            }
        }
        print(figures);
    }

    /**
     * Issue 16, cheap repeated reads: the tree of a council-size programme (60 indicators, 3
     * measurements each) as a full answer built each time (a new knownAt per request, so no stored
     * answer fits), as a repeated full answer (the same query), and as 304 to its own ETag; beside
     * three references of this HTTP stack on the same cores: the liveness check (no authentication,
     * no database), a static asset (security filter chain, no authentication) and the same asset's
     * 304 to If-Modified-Since. Each in a closed loop (16 threads) and offered at 1,000/s; the CPU of
     * each consumer (also the load generator's) per request.
     */
    static void etag(Support.Api api, int runs, double seconds) throws Exception {
        String small = "council-size-" + System.currentTimeMillis() % 100000;
        List<String> indicators = Support.buildProgramme(api, small, 60);
        Load.Request measure = write(api, indicators, "strategy", "etag-");
        for (long n = 0; n < 3L * indicators.size(); n++) {
            measure.run(n);
        }
        RebuildBenchmark.waitForLagZero(api, null, 60);
        String path = "/api/programmes/" + small + "?validAt=2022-12-31";
        HttpResponse<String> first = api.expect(200, api.send("auditor", "GET", path, null));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        Support.log("tree of 60 indicators: %d bytes, ETag %s", first.body().length(), etag);
        String asset = "/assets/malspar.css";
        String lastModified = api.expect(200, api.send(null, "GET", asset, null)).headers().firstValue("Last-Modified")
                .orElseThrow();
        // knownAt after every write and different for each request: the same tree, never a stored answer.
        java.time.Instant known = java.time.Instant.now();
        Map<String, Load.Request> requests = new LinkedHashMap<>();
        requests.put("reference: liveness (no auth, no database)",
                n -> Load.expect(api.send(null, "GET", "/actuator/health/liveness", null), 200));
        requests.put("reference: static asset (security chain, no auth)", n -> Load.expect(api.send(null, "GET", asset, null), 200));
        requests.put("reference: static asset, 304 to If-Modified-Since", n -> Load.expect(api.send(null, "GET", asset, null,
                Map.of("If-Modified-Since", lastModified)), 304));
        requests.put("tree, 60 indicators, full answer built each time", n -> Load.expect(api.send("auditor", "GET",
                path + "&knownAt=" + known.plusNanos(1000 * n), null), 200));
        requests.put("tree, 60 indicators, full answer", n -> Load.expect(api.send("auditor", "GET", path, null), 200));
        requests.put("tree, 60 indicators, 304 to If-None-Match", n -> Load.expect(api.send("auditor", "GET", path, null,
                Map.of("If-None-Match", etag)), 304));
        for (var e : requests.entrySet()) {
            Support.log("warm-up %s (not recorded): %s", e.getKey(), Load.closed(16, WARM_UP_SECONDS / 2, e.getValue()).describe());
        }
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            Support.log("run %d: %s", r, etagLoadAverage());
            for (var e : requests.entrySet()) {
                java.time.LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0);
                Load.Result closed = Load.closed(16, seconds / 2, e.getValue());
                // the window in UTC, to match a flight recording's samples (-XX:StartFlightRecording in BENCH_JAVA_OPTS)
                Support.log("run %d %s, closed loop 16 threads (%s–%s UTC): %s", r, e.getKey(), from,
                        java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0), closed.describe());
                Support.log("run %d %s, closed loop: %s", r, e.getKey(), closed.describeCpu());
                add(figures, e.getKey() + ": closed loop req/s", closed.rate());
                addCpu(figures, e.getKey() + ": closed loop", closed);
                Load.Result open = Load.open(1000, seconds / 2, 64, 100, e.getValue());
                Support.log("run %d %s at 1000/s: %s", r, e.getKey(), open.describe());
                add(figures, e.getKey() + " at 1000/s: achieved req/s", open.rate());
                add(figures, e.getKey() + " at 1000/s: p50 ms", open.latency().getValueAtPercentile(50) / 1000.0);
                add(figures, e.getKey() + " at 1000/s: p99 ms", open.latency().getValueAtPercentile(99) / 1000.0);
                add(figures, e.getKey() + " at 1000/s: saturated (1=yes)", open.saturated() ? 1 : 0);
            }
            Support.log("run %d done: %s", r, etagLoadAverage());
        }
        print(figures);
    }

    private static String etagLoadAverage() throws java.io.IOException {
        return "load average " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static void add(Map<String, List<Double>> figures, String key, double value) {
        figures.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    static void print(Map<String, List<Double>> figures) {
        figures.forEach((key, values) -> Support.log("RESULT %s: %s", key, Support.summary(values, "%.2f")));
    }
}
