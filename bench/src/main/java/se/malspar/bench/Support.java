package se.malspar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** What every benchmark shares: the application in process, an HTTP client, the machine record, statistics. */
final class Support {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "malspar-demo";

    private Support() {
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    /** The standalone application (demo users, no history unless {@code extra} asks) on a random port and the given data directory. */
    static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--malspar.data-dir=" + dataDir.toAbsolutePath(), "--logging.level.root=WARN",
                "--logging.level.se.malspar=WARN", "--server.tomcat.threads.max=200"));
        // no history unless a benchmark asks for it (a repeated option would be joined, "false,always")
        if (java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("--malspar.seed-history="))) {
            args.add("--malspar.seed-history=false");
        }
        Collections.addAll(args, extra);
        CpuMeter.ownPostgres(dataDir);
        log("starting standalone: %s", String.join(" ", args));
        Class<?> application;
        try {
            // by name: the standalone module's artifact is Spring Boot's repackaged jar, so bench/run.sh puts
            // standalone/target/classes on the class path instead
            application = Class.forName("se.malspar.standalone.StandaloneApplication");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return new SpringApplicationBuilder(application).profiles("demo").run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext ctx) {
        return new JdbcTemplate(ctx.getBean(DataSource.class));
    }

    /** Cores, memory, PostgreSQL durability settings and an fsync probe, printed at the top of every run. */
    static void machine(ConfigurableApplicationContext ctx) throws IOException {
        log("== machine");
        log("cores (availableProcessors): %d", Runtime.getRuntime().availableProcessors());
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal") || line.startsWith("MemAvailable")) {
                log("%s", line.replaceAll("\\s+", " "));
            }
        }
        log("java %s, max heap %d MiB", System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        JdbcTemplate jdbc = jdbc(ctx);
        log("postgres %s", jdbc.queryForObject("show server_version", String.class));
        for (String setting : List.of("fsync", "synchronous_commit", "wal_sync_method", "shared_buffers", "work_mem",
                "max_wal_size", "checkpoint_timeout")) {
            log("postgres %s = %s", setting, jdbc.queryForObject("show " + setting, String.class));
        }
        fsyncProbe(Path.of(ctx.getEnvironment().getProperty("malspar.data-dir")));
    }

    /** Writes and fsyncs 8 KiB blocks for 2 s in the data directory's file system: fsyncs/s and mean latency. */
    static void fsyncProbe(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("fsync-probe.tmp");
        byte[] block = new byte[8192];
        long n = 0;
        long start = System.nanoTime();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            while (System.nanoTime() - start < 2_000_000_000L) {
                raf.seek((n % 16) * 8192);
                raf.write(block);
                raf.getFD().sync();
                n++;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("fsync probe (8 KiB write+fsync, 2 s): %.0f fsyncs/s, %.3f ms each", n / seconds, seconds * 1000 / n);
    }

    static void resetHeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the true peak). */
    static long heapPeakMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** "median X (min A, max B)" of the runs. */
    static String summary(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "median " + format + " (min " + format + ", max " + format + ", n=%d)",
                median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** A small blocking HTTP client with basic auth. */
    static final class Api {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String base;

        Api(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        static String auth(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> send(String user, String method, String path, String json) {
            return send(user, method, path, json, java.util.Map.of());
        }

        HttpResponse<String> send(String user, String method, String path, String json, java.util.Map<String, String> headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            if (user != null) {
                b.header("Authorization", auth(user));
            }
            if (json != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> post(String path, String json) {
            return send("strategy", "POST", path, json);
        }

        HttpResponse<String> expect(int status, HttpResponse<String> response) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " -> " + response.statusCode() + " " + response.body());
            }
            return response;
        }

        JsonNode json(HttpResponse<String> response) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A programme built through the admin API: 1 programme, 4 goals, 5 delmål each, indicators spread over the
     * delmål, each with an ambition level. Returns the indicator ids.
     */
    static List<String> buildProgramme(Api api, String programme, int indicators) {
        String kf = "KF 2020-10-26 § " + (100 + Math.abs(programme.hashCode() % 800));
        String ks = "KS 2021-01-13 § " + (100 + Math.abs(programme.hashCode() % 800));
        api.expect(201, api.post("/api/admin/decisions", "{\"citation\": \"" + kf + "\", \"title\": \"Mål- och resursplan\"}"));
        api.expect(201, api.post("/api/admin/decisions", "{\"citation\": \"" + ks + "\", \"title\": \"Delmål och mätvärden\"}"));
        api.expect(201, api.post("/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, programme, kf)));
        List<String> delmal = new ArrayList<>();
        for (int g = 1; g <= 4; g++) {
            String goal = "KF" + g + "-" + programme;
            api.expect(201, api.post("/api/admin/programmes/" + programme + "/goals", """
                    {"goalId": "%s", "name": "Mål %d", "goalArea": "%d", "decision": "%s"}""".formatted(goal, g, g, kf)));
            for (int d = 1; d <= 5; d++) {
                var created = api.expect(201, api.post("/api/admin/goals/" + goal + "/delmal", """
                        {"name": "Delmål %d.%d", "decision": "%s"}""".formatted(g, d, ks)));
                delmal.add(api.json(created).get("id").asText());
            }
        }
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < indicators; n++) {
            int i = n;
            futures.add(pool.submit(() -> {
                var created = api.expect(201, api.post("/api/admin/delmal/" + delmal.get(i % delmal.size()) + "/indicators", """
                        {"name": "Indikator %d", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                         "politicallyDecidedTarget": true, "source": {"kind": "KOLADA", "kpi": "N%05d"}, "decision": "%s"}"""
                        .formatted(i, 10000 + i, ks)));
                String id = api.json(created).get("id").asText();
                api.expect(200, api.send("strategy", "PUT", "/api/admin/indicators/" + id + "/ambition-level",
                        "{\"text\": \"positiv utveckling och över riket\", \"decision\": \"" + ks + "\"}"));
                ids.add(id);
            }));
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        ids.sort(null);
        return ids;
    }
}
