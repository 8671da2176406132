package se.malspar.standalone.faults;

import se.malspar.platform.test.ApiClient;
import se.malspar.standalone.StandaloneApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone application as a real operating-system process (its own JVM, started from this
 * test's class path), so it can be killed with SIGKILL or stopped with SIGTERM like in production.
 */
final class ApplicationProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;

    private ApplicationProcess(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    static ApplicationProcess start(Path dataDir, String name) {
        return start(StandaloneApplication.class, name, dataDir, List.of("--malspar.data-dir=" + dataDir));
    }

    /** Any of the applications (standalone, command side, query side), with its own arguments. */
    static ApplicationProcess start(Class<?> application, String name, Path dataDir, List<String> arguments) {
        int port = freePort();
        try {
            Path logDir = Files.createDirectories(Path.of("target", "faults"));
            Path log = logDir.resolve(name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), application.getName(),
                    "--spring.profiles.active=demo", "--server.port=" + port,
                    "--malspar.seed-history=false", "--malspar.lifecycle.phase-timeout=2s"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ApplicationProcess app = new ApplicationProcess(process, port, log, dataDir);
            app.awaitReady(Duration.ofSeconds(150));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Axon's name for this process in the token store (its default node id: the JVM's runtime name). */
    String nodeIdPrefix() {
        return process.pid() + "@";
    }

    private void awaitReady(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        FaultClient client = client();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (client.get("/actuator/health/readiness").status() == 200) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the application was not ready within " + atMost + ":\n" + logTail());
    }

    FaultClient client() {
        return new FaultClient(port);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** The postmaster of the embedded PostgreSQL, from its lock file. */
    ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as a supervisor (systemd, Kubernetes) stops it. */
    void terminate() {
        process.destroy();
    }

    boolean awaitExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(40))) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(10));
            }
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
