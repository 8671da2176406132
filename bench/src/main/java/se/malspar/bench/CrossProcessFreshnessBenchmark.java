package se.malspar.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.command.CommandSideApplication;
import se.malspar.query.QuerySideApplication;

import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freshness across processes: how long after a command side's 201 a measurement is visible in
 * the read model kept by a query side running as <em>another operating-system process</em> on the
 * same PostgreSQL. The command side runs in this JVM; the query side is a child JVM. Two
 * configurations in the same run, each with a query side of its own: {@code notify} (the query
 * side listens for the command side's NOTIFY) and the reference {@code poll} (the query side does
 * not listen, {@code --malspar.events.listen=false}, and finds new events by its fetch-delay poll,
 * 200 ms). Writes at a fixed open-loop rate; the probe is {@link HttpBenchmark.VisibilityProbe}.
 * Arguments: {@code [runs=3] [seconds=10] [rate=50]}.
 */
public final class CrossProcessFreshnessBenchmark {

    public static void main(String[] argv) throws Exception {
        int runs = argv.length > 0 ? Integer.parseInt(argv[0]) : 3;
        double seconds = argv.length > 1 ? Double.parseDouble(argv[1]) : 10;
        int rate = argv.length > 2 ? Integer.parseInt(argv[2]) : 50;
        Path dir = Files.createDirectories(Path.of("bench/target/cross-process-" + System.currentTimeMillis()));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            List<String> database = List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
            List<String> commandArgs = new ArrayList<>(database);
            commandArgs.addAll(List.of("--server.port=0", "--malspar.seed-history=false"));
            try (ConfigurableApplicationContext command = new SpringApplicationBuilder(CommandSideApplication.class)
                    .profiles("demo").run(commandArgs.toArray(String[]::new))) {
                Support.machine(command);
                Support.Api api = new Support.Api(Support.port(command));
                List<String> indicators = Support.buildProgramme(api, "cross", HttpBenchmark.INDICATORS);
                Map<String, List<Double>> figures = new LinkedHashMap<>();
                try (Connection probeConnection = postgres.getPostgresDatabase().getConnection()) {
                    HttpBenchmark.VisibilityProbe probe = new HttpBenchmark.VisibilityProbe(probeConnection);
                    for (int r = 1; r <= runs; r++) {
                        for (String configuration : List.of("notify", "poll")) {
                            Process query = startQuerySide(dir, database, configuration.equals("notify"), r);
                            try {
                                String tag = "x" + r + configuration + "-";
                                // Unrecorded: the new query side catches up and warms up (its JIT too).
                                Load.open(rate, HttpBenchmark.WARM_UP_SECONDS, 16, 100, write(api, indicators, "w" + tag, null));
                                probe.finish(Duration.ofSeconds(30));
                                Histogram fresh = probe.start();
                                Load.Result result = Load.open(rate, seconds, 16, 100, write(api, indicators, tag, probe));
                                long neverVisible = probe.finish(Duration.ofSeconds(30));
                                // The machine is shared: its load during the run says how much of the figure is queueing for CPU.
                                Support.log("run %d %s: load average %s", r, configuration,
                                        Files.readString(Path.of("/proc/loadavg")).strip());
                                Support.log("run %d %s: writes %s; ack->visible on the other process p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (n=%d, not visible within 30 s: %d)",
                                        r, configuration, result.describe(), fresh.getValueAtPercentile(50) / 1000.0,
                                        fresh.getValueAtPercentile(99) / 1000.0, fresh.getValueAtPercentile(99.9) / 1000.0,
                                        fresh.getMaxValue() / 1000.0, fresh.getTotalCount(), neverVisible);
                                HttpBenchmark.add(figures, configuration + ": achieved commands/s", result.rate());
                                HttpBenchmark.add(figures, configuration + ": ack->visible p50 ms", fresh.getValueAtPercentile(50) / 1000.0);
                                HttpBenchmark.add(figures, configuration + ": ack->visible p99 ms", fresh.getValueAtPercentile(99) / 1000.0);
                                HttpBenchmark.add(figures, configuration + ": ack->visible p99.9 ms", fresh.getValueAtPercentile(99.9) / 1000.0);
                                HttpBenchmark.add(figures, configuration + ": not visible within 30 s", neverVisible);
                                HttpBenchmark.add(figures, configuration + ": failed writes", result.failed());
                            } finally {
                                query.destroy();
                                query.waitFor();
                            }
                        }
                    }
                    probe.close();
                }
                HttpBenchmark.print(figures);
            }
        }
        System.exit(0);
    }

    private static Load.Request write(Support.Api api, List<String> indicators, String tag, HttpBenchmark.VisibilityProbe probe) {
        return n -> {
            String indicator = indicators.get((int) (n % indicators.size()));
            HttpResponse<String> resp = api.send("strategy", "POST", "/api/admin/indicators/" + indicator + "/measurements",
                    HttpBenchmark.measurement(n).replace("bench-" + n, tag + n));
            Load.expect(resp, 201);
            if (probe != null) {
                probe.acknowledged(indicator, tag + n);
            }
            return true;
        };
    }

    private static Process startQuerySide(Path dir, List<String> database, boolean listen, int run) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), QuerySideApplication.class.getName(),
                "--spring.profiles.active=demo", "--server.port=" + port, "--malspar.events.listen=" + listen));
        command.addAll(database);
        File log = dir.resolve("query-side-" + run + "-" + (listen ? "notify" : "poll") + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Support.Api api = new Support.Api(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the query side exited; see " + log);
            }
            try {
                if (api.send("operator", "GET", "/actuator/health/readiness", null).statusCode() == 200) {
                    Support.log("query side (%s) ready on port %d, pid %d", listen ? "listening" : "polling only", port, process.pid());
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not accepting connections yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the query side was not ready within 180 s; see " + log);
    }
}
