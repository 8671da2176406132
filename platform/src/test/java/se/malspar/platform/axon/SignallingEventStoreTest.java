package se.malspar.platform.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SignallingEventStoreTest {

    // A fetch delay far longer than the test: only the signal can wake the stream in time.
    private final SignallingEventStore store = new SignallingEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .fetchDelay(60_000).timeUnit(TimeUnit.MILLISECONDS), null, false, java.time.Duration.ofSeconds(1));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aProcessorWaitingOnAnIdleStreamIsToldOfANewEventOnceItCanBeRead() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
            assertThat(stream.hasNextAvailable()).isFalse();
            CountDownLatch told = new CountDownLatch(1);
            AtomicInteger readableWhenTold = new AtomicInteger();
            assertThat(stream.setOnAvailableCallback(() -> {
                // Axon's coordinator looks without waiting when it is called back.
                if (stream.hasNextAvailable()) {
                    readableWhenTold.incrementAndGet();
                }
                told.countDown();
            })).isTrue();

            store.publish(GenericEventMessage.asEventMessage("after"));

            assertThat(told.await(10, TimeUnit.SECONDS)).as("called back").isTrue();
            assertThat(readableWhenTold.get()).isEqualTo(1);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TrackingEventStream closed = store.openStream(null);
        assertThat(closed.setOnAvailableCallback(calls::incrementAndGet)).isTrue();
        closed.close();
        CountDownLatch other = new CountDownLatch(1);
        try (TrackingEventStream open = store.openStream(null)) {
            open.setOnAvailableCallback(other::countDown);
            store.publish(GenericEventMessage.asEventMessage("event"));
            assertThat(other.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls.get()).isZero();
    }
}
