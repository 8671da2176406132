package se.malspar.standalone.programme;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;


/** Waits until every read model has processed every event in the store. */
final class CaughtUp {

    private CaughtUp() {
    }

    static void await(EventProcessingConfiguration processing, EventStore store) {
        long head = store.createHeadToken().position().orElse(-1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                        .allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .allMatch(position -> position.orElse(-1) >= head)));
    }
}
