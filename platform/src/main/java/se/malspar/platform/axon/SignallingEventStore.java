package se.malspar.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
final class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object watcherLock = new Object();
    private volatile boolean shutDown;
    private Thread watcher;

    SignallingEventStore(Builder builder) {
        super(builder);
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
