package se.malspar.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * How many events each read model is behind the head of the event store, as a gauge
 * ({@code malspar.processor.lag}) and for the health details.
 */
@Component
public class ProcessorLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorFailures failures;

    ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, ProcessorFailures failures) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.failures = failures;
    }

    /** The head position of the store (the highest global index), or empty when it is empty. */
    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * The lowest position among the processor's segments; empty before it has processed anything.
     * A segment stuck on an event is released between retries and has no status then: it counts
     * as just before the event it fails on, so the lag does not hide it.
     */
    public OptionalLong position(StreamingEventProcessor processor) {
        return LongStream.concat(
                        processor.processingStatus().values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent)
                                .mapToLong(OptionalLong::getAsLong),
                        failures.current(processor).stream().mapToLong(f -> f.sequence() - 1))
                .min()
                .stream().mapToObj(OptionalLong::of).findFirst().orElse(OptionalLong.empty());
    }

    public OptionalLong lagOf(StreamingEventProcessor processor) {
        OptionalLong head = head();
        if (head.isEmpty()) {
            return OptionalLong.of(0);
        }
        OptionalLong position = position(processor);
        return OptionalLong.of(head.getAsLong() - position.orElse(-1L) > 0
                ? head.getAsLong() - position.orElse(0L) : 0L);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("malspar.processor.lag", streaming, p -> lagOf(p).orElse(0))
                        .description("events between the head of the event store and the read model's position")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }
}
