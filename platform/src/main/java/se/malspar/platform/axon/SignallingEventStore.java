package se.malspar.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, plus an availability callback on its streams so that a pooled
 * streaming processor hears of new events at once. Without one, Axon 4.13's coordinator polls an
 * idle stream every 500 ms (hard-coded), which made every write take about 250 ms on average, and
 * up to 500 ms, to reach the read models.
 * <p>
 * One watcher thread follows the head of the store through the same in-memory cache the
 * processors tail; whenever it sees new events it runs the callbacks. It fires only once the events
 * are readable from the cache, so a woken coordinator finds them.
 * <p>
 * Across processes (several command and query sides on one PostgreSQL) the same is done with
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY}: every transaction that appends events also sends
 * {@code NOTIFY malspar_events} (delivered by PostgreSQL at its commit, never for a rollback), and
 * a listener thread on a dedicated connection wakes the store's reader at once instead of at its
 * next poll ({@code malspar.events.fetch-delay}). Polling stays the fallback: a notification lost
 * while the listener reconnects costs at most one fetch delay.
 */
final class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);
    static final String CHANNEL = "malspar_events";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean listen;
    private final Duration reconnectDelay;
    private Thread listener;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object watcherLock = new Object();
    private volatile boolean shutDown;
    private Thread watcher;

    /**
     * {@code dataSource} may be null: no signals across processes. {@code listen} false: this
     * process notifies others but only polls itself (the benchmark's reference).
     */
    SignallingEventStore(Builder builder, DataSource dataSource, boolean listen, Duration reconnectDelay) {
        super(builder);
        this.dataSource = dataSource;
        this.jdbc = dataSource == null ? null : new JdbcTemplate(dataSource);
        this.listen = listen;
        this.reconnectDelay = reconnectDelay;
    }

    /** In the appending transaction (its connection is bound to it), after the events are stored. */
    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (jdbc != null && !events.isEmpty()) {
            jdbc.execute("notify " + CHANNEL);
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignalledStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        shutDown = true;
        synchronized (watcherLock) {
            if (watcher != null) {
                watcher.interrupt();
            }
            if (listener != null) {
                listener.interrupt();
            }
        }
        super.shutDown();
    }

    private void ensureWatching() {
        synchronized (watcherLock) {
            if (watcher != null || shutDown) {
                return;
            }
            // Opened here, at the head as of now: whatever is appended from now on is signalled.
            TrackingEventStream head = super.openStream(createHeadToken());
            // Nothing to read yet: the stream switches to tailing the in-memory cache, the very
            // cache the processors read, so a signal never comes before they can see the events.
            head.hasNextAvailable();
            watcher = new Thread(() -> watch(head), "event-store-watcher");
            watcher.setDaemon(true);
            watcher.start();
            if (dataSource != null && listen) {
                listener = new Thread(this::listen, "event-store-listener");
                listener.setDaemon(true);
                listener.start();
            }
        }
    }

    /** Wakes the store's reader whenever another process (or this one) has committed events. */
    private void listen() {
        while (!shutDown) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                try {
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    // Whatever was committed while nobody listened: fetch now rather than at the next poll.
                    afterCommit(List.of());
                    while (!shutDown) {
                        PGNotification[] notifications = pg.getNotifications(1000);
                        if (notifications != null && notifications.length > 0) {
                            afterCommit(List.of());
                        }
                    }
                } finally {
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (shutDown) {
                    return;
                }
                log.debug("not listening for events of other processes (polling meanwhile): {}", e.toString());
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** A pooled connection goes back without a subscription; if that fails, its session is ended. */
    private static void unlisten(Connection connection) throws SQLException {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("unlisten *");
        } catch (SQLException e) {
            connection.abort(Runnable::run);
        }
    }

    private void watch(TrackingEventStream head) {
        try (head) {
            while (!shutDown) {
                if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    callbacks.forEach(Runnable::run);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The processors fall back to Axon's own polling: slower, never wrong.
            log.warn("the event store watcher stopped; read models now learn of new events by polling", e);
        }
    }

    private final class SignalledStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        SignalledStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (shutDown) {
                return false;
            }
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            ensureWatching();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
