package se.malspar.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server and its keeper. It
 * <ul>
 * <li>stops a postmaster of its data directory that a killed JVM left behind before starting,</li>
 * <li>logs in with passwords only (SCRAM; {@link DatabaseCredentials}), on loopback and a socket
 * inside the data directory that only its user can open,</li>
 * <li>keeps two roles besides the superuser: {@value #OWNER_ROLE} owns the schema (Flyway) and
 * {@value #APP_ROLE} is the application, which may only read and append events (V8),</li>
 * <li>restarts the server when it dies while the application runs (bounded; then it gives up and
 * {@code onGiveUp} marks the application broken, so a supervisor restarts the whole),</li>
 * <li>and stops it only when it is closed, which Spring does last (everything that uses the
 * database depends on it); zonky's own JVM shutdown hook is off, so a SIGTERM no longer stops the
 * server in the middle of a graceful shutdown.</li>
 * </ul>
 */
public class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "malspar";
    public static final String OWNER_ROLE = "malspar_owner";
    public static final String APP_ROLE = "malspar_app";
    /** A Unix socket path longer than this (sun_path: 108 bytes) cannot be created. */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path pgDir;
    private final Path dataDir;
    private final DatabaseCredentials credentials;
    private final int port;
    private final int maxRestarts;
    private final Runnable onGiveUp;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres server;
    private volatile long postmasterPid;
    private volatile boolean closing;
    private volatile boolean givenUp;

    EmbeddedDatabase(Path dataDir, int port, int maxRestarts, Duration watchInterval, Runnable onGiveUp) {
        this.dataDir = dataDir;
        this.pgDir = dataDir.resolve("postgres");
        this.port = port > 0 ? port : freePort();
        this.maxRestarts = maxRestarts;
        this.onGiveUp = onGiveUp;
        try {
            Files.createDirectories(pgDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.credentials = DatabaseCredentials.loadOrCreate(dataDir);
        this.server = start();
        prepareRolesAndDatabase();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        long millis = watchInterval.toMillis();
        watchdog.scheduleWithFixedDelay(this::restartIfDead, millis, millis, TimeUnit.MILLISECONDS);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /**
     * A connection as the embedded server's superuser, for what the application itself must never
     * be able to do: tests that play an attacker with the database, a benchmark that resets tables.
     */
    public java.sql.Connection connectAsSuperuser() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", credentials.superuser());
    }

    String ownerPassword() {
        return credentials.owner();
    }

    String appPassword() {
        return credentials.app();
    }

    /** The operating-system process id of the running postmaster (the fault tests kill it). */
    public long postmasterPid() {
        return postmasterPid;
    }

    private EmbeddedPostgres start() {
        Path pwfile = null;
        try {
            boolean fresh = Files.notExists(pgDir.resolve("postgresql.conf"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setConnectConfig("password", credentials.superuser())
                    // Durable by default: a committed event survives a crash of the machine.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", socketDirectory())
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setDataDirectoryCustomizer(dir -> StalePostmaster.stopIfRunning(dir.toPath()));
            if (fresh) {
                // Read by initdb only (zonky passes "locale" settings to it as --key=value; the last
                // --auth wins over zonky's own "-A trust"): no moment without a password.
                pwfile = DatabaseCredentials.privateFile(dataDir.resolve("postgres.pwfile"));
                Files.writeString(pwfile, credentials.superuser() + "\n", StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
            }
            EmbeddedPostgres started = builder.start();
            postmasterPid = StalePostmaster.pidOf(pgDir).orElse(-1L);
            log.info("Embedded PostgreSQL is running: {} (application role {}, data in {}, postmaster pid {})",
                    jdbcUrl(), APP_ROLE, pgDir, postmasterPid);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgDir, e);
        } finally {
            if (pwfile != null) {
                try {
                    Files.deleteIfExists(pwfile);
                } catch (IOException e) {
                    log.warn("could not delete {}", pwfile, e);
                }
            }
        }
    }

    /** The data directory when its socket path fits, otherwise no Unix socket at all (only loopback TCP). */
    private String socketDirectory() {
        String dir = pgDir.toString();
        if (dir.length() + ("/.s.PGSQL." + port).length() > MAX_SOCKET_PATH || dir.contains("'")) {
            return "''";
        }
        return "'" + dir + "'";
    }

    /**
     * Idempotent, as the superuser: both roles with their passwords, the database owned by the
     * owner role, every object a data directory of an older version created as {@code postgres}
     * handed to the owner, and password login where an older version had {@code trust}.
     */
    private void prepareRolesAndDatabase() {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password '" + credentials.superuser() + "'");
            ensureRole(c, OWNER_ROLE, credentials.owner());
            ensureRole(c, APP_ROLE, credentials.app());
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
            s.execute("alter database " + DATABASE + " owner to " + OWNER_ROLE);
            s.execute("revoke all on database " + DATABASE + " from public");
            s.execute("grant connect on database " + DATABASE + " to " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the roles of the embedded PostgreSQL", e);
        }
        try (Connection c = server.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    do $$
                    declare r record;
                    begin
                        for r in select c.oid::regclass::text as name, c.relkind from pg_class c
                                   join pg_namespace n on n.oid = c.relnamespace
                                  where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                    and pg_get_userbyid(c.relowner) <> '%1$s' loop
                            execute format('alter %%s %%s owner to %1$s',
                                case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                               when 'm' then 'materialized view' else 'table' end, r.name);
                        end loop;
                        for r in select p.oid::regprocedure::text as name from pg_proc p
                                   join pg_namespace n on n.oid = p.pronamespace
                                  where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                            execute format('alter routine %%s owner to %1$s', r.name);
                        end loop;
                    end $$""".formatted(OWNER_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand the schema to " + OWNER_ROLE, e);
        }
        requirePasswordLogin();
    }

    private static void ensureRole(Connection c, String role, String password) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select 1 from pg_roles where rolname = ?");
             Statement s = c.createStatement()) {
            exists.setString(1, role);
            String verb = exists.executeQuery().next() ? "alter" : "create";
            s.execute(verb + " role " + role + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                    + password + "'");
        }
    }

    /** Data directories created before passwords were used say {@code trust}: they get SCRAM now. */
    private void requirePasswordLogin() {
        Path hba = pgDir.resolve("pg_hba.conf");
        try {
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
            boolean trusting = lines.stream().map(String::strip)
                    .anyMatch(l -> !l.startsWith("#") && l.matches(".*\\btrust\\b.*"));
            if (!trusting) {
                return;
            }
            Files.writeString(hba, """
                    # Written by Målspår: password (SCRAM) login only, over loopback and the private socket.
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """, StandardCharsets.UTF_8);
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL in {} now requires passwords (it trusted every local connection before)", pgDir);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not switch " + hba + " to password login", e);
        }
    }

    private void restartIfDead() {
        if (closing || givenUp || postmasterAlive()) {
            return;
        }
        log.error("Embedded PostgreSQL (pid {}) has died; restarting it", postmasterPid);
        for (int attempt = 1; attempt <= maxRestarts && !closing; attempt++) {
            try {
                closeQuietly(server);
                server = start();
                log.info("Embedded PostgreSQL restarted (attempt {})", attempt);
                return;
            } catch (RuntimeException e) {
                log.error("Embedded PostgreSQL restart attempt {} of {} failed", attempt, maxRestarts, e);
                sleep(Duration.ofSeconds(Math.min(1L << (attempt - 1), 8)));
            }
        }
        if (!closing) {
            givenUp = true;
            log.error("Embedded PostgreSQL could not be restarted after {} attempts; the application is broken", maxRestarts);
            onGiveUp.run();
        }
    }

    private boolean postmasterAlive() {
        return ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
        closing = true;
        watchdog.shutdownNow();
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            log.warn("while stopping the embedded PostgreSQL", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A postmaster of a data directory, found by its {@code postmaster.pid}. */
    static final class StalePostmaster {

        private StalePostmaster() {
        }

        static Optional<Long> pidOf(Path pgDir) {
            Path pidFile = pgDir.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Called once zonky holds the data directory's lock file: no other live JVM runs this
         * directory, so a postmaster still running in it was left by a JVM that was killed. It is
         * asked to stop (SIGTERM: its clients are gone) and killed with its children if it does not.
         */
        static void stopIfRunning(Path pgDir) {
            // The pid may have been reused: only a postgres started on this very data directory is stopped.
            Optional<ProcessHandle> postmaster = pidOf(pgDir).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(false))
                    .filter(p -> p.info().commandLine().map(c -> c.contains(pgDir.toString())).orElse(false));
            if (postmaster.isEmpty()) {
                return;
            }
            ProcessHandle pm = postmaster.get();
            log.warn("A postmaster (pid {}) left by a killed process still runs in {}; stopping it", pm.pid(), pgDir);
            List<ProcessHandle> children = pm.children().toList();
            pm.destroy();
            if (!waitForExit(pm, Duration.ofSeconds(20))) {
                log.warn("The stale postmaster (pid {}) did not stop; killing it and its {} children", pm.pid(), children.size());
                pm.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                waitForExit(pm, Duration.ofSeconds(5));
            }
            children.forEach(child -> waitForExit(child, Duration.ofSeconds(5)));
        }

        private static boolean waitForExit(ProcessHandle process, Duration timeout) {
            try {
                process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return !process.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            } catch (java.util.concurrent.ExecutionException e) {
                return !process.isAlive();
            }
        }
    }
}
