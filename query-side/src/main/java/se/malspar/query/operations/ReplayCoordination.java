package se.malspar.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.platform.database.AdvisoryLocks;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A replay with several query-side processes on one store. A reset must hold every segment of
 * the read model, so the process asked to replay it: takes the replay's advisory lock (one replay
 * start per read model at a time, {@link AdvisoryLocks}), tells the others through PostgreSQL
 * ({@code NOTIFY malspar_replay, 'pause:<name>'}) to stop that processor, which gives its
 * segments back, waits until no segment is claimed, resets and starts its own, and then tells them
 * to resume ({@code 'resume:<name>'}). The others then claim segments again and continue the
 * replay from the reset tokens, like any segment. A process that hears a pause and no resume (the
 * replaying process died) starts its processor again after {@code malspar.replay.pause-limit}.
 */
@Component
class ReplayCoordination implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordination.class);
    static final String CHANNEL = "malspar_replay";
    /** Axon's default node id of this process in the token store. */
    static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Duration pauseLimit;
    private final Duration releaseTimeout;
    private final ScheduledExecutorService resumes = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replay-resume");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> paused = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    ReplayCoordination(EventProcessingConfiguration processing, DataSource dataSource, JdbcClient jdbc,
                       @Value("${malspar.replay.pause-limit:60s}") Duration pauseLimit,
                       @Value("${malspar.replay.release-timeout:20s}") Duration releaseTimeout) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.pauseLimit = pauseLimit;
        this.releaseTimeout = releaseTimeout;
    }

    /** Runs {@code reset} with every other process's processor of that name stopped. */
    <T> T withOthersPaused(String name, Supplier<T> reset) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, AdvisoryLocks.REPLAY_CLASS);
                lock.setString(2, name);
                try (var rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new ReplayRefusedException("a replay of " + name + " is being started by another instance");
                    }
                }
            }
            try {
                notify(connection, "pause:" + name);
                return reset.get();
            } finally {
                notify(connection, "resume:" + name);
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
                    unlock.setInt(1, AdvisoryLocks.REPLAY_CLASS);
                    unlock.setString(2, name);
                    unlock.execute();
                } catch (SQLException e) {
                    connection.abort(Runnable::run);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the replay of " + name + " could not be coordinated: " + e.getMessage(), e);
        }
    }

    /** Waits until no process holds a segment of the read model (this one has stopped its own). */
    void awaitAllReleased(String name) {
        long deadline = System.nanoTime() + releaseTimeout.toNanos();
        while (true) {
            var owners = owners(name);
            if (owners.values().stream().allMatch(o -> o == null)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ReplayRefusedException(name + " cannot be replayed: segments " + owners
                        + " are still claimed after " + releaseTimeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayRefusedException("interrupted while waiting for the segments of " + name);
            }
        }
    }

    /** segment → owner (Axon's node id of the process that claims it; null when unclaimed). */
    Map<Integer, String> owners(String name) {
        Map<Integer, String> owners = new java.util.TreeMap<>();
        jdbc.sql("select segment, owner from token_entry where processor_name = :name")
                .param("name", name)
                .query(rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                });
        return owners;
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement n = connection.prepareStatement("select pg_notify(?, ?)")) {
            n.setString(1, CHANNEL);
            n.setString(2, NODE_ID + "|" + payload);
            n.execute();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                try {
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(1000);
                        if (notifications != null) {
                            for (PGNotification n : notifications) {
                                heard(n.getParameter());
                            }
                        }
                    }
                } finally {
                    try (Statement unlisten = connection.createStatement()) {
                        unlisten.execute("unlisten *");
                    } catch (SQLException e) {
                        connection.abort(Runnable::run);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.debug("not listening for replays of other instances: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void heard(String message) {
        int bar = message.indexOf('|');
        int colon = message.indexOf(':', bar + 1);
        if (bar < 0 || colon < 0 || message.substring(0, bar).equals(NODE_ID)) {
            return;
        }
        String what = message.substring(bar + 1, colon);
        String name = message.substring(colon + 1);
        processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
            if (what.equals("pause")) {
                log.info("another instance replays {}: its processor stops here until that has started", name);
                processor.shutDown();
                ScheduledFuture<?> limit = resumes.schedule(() -> resume(name, processor), pauseLimit.toMillis(),
                        TimeUnit.MILLISECONDS);
                ScheduledFuture<?> previous = paused.put(name, limit);
                if (previous != null) {
                    previous.cancel(false);
                }
            } else if (what.equals("resume")) {
                resume(name, processor);
            }
        });
    }

    private void resume(String name, StreamingEventProcessor processor) {
        ScheduledFuture<?> limit = paused.remove(name);
        if (limit != null) {
            limit.cancel(false);
        }
        if (running && !processor.isRunning()) {
            log.info("{} runs here again", name);
            processor.start();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "replay-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        resumes.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
