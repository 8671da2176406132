package se.malspar.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
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
    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, ProcessorFailures failures,
                 ObjectProvider<JdbcClient> jdbc, Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.failures = failures;
        this.jdbc = jdbc.getIfAvailable();
        this.serializer = serializer;
    }

    /**
     * The position of every segment as stored in the token store (a plain read, no claim): what an
     * unclaimed segment — released between retries, stopped, or not yet claimed — has processed.
     * Empty when the tokens are not in this database (Axon Server).
     */
    public Map<Integer, Long> storedPositions(String processorName) {
        if (jdbc == null) {
            return Map.of();
        }
        Map<Integer, Long> positions = new TreeMap<>();
        try {
            jdbc.sql("select segment, token, token_type from token_entry where processor_name = :name and token is not null")
                    .param("name", processorName)
                    .query((rs, n) -> {
                        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(2),
                                byte[].class, rs.getString(3), null));
                        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                        if (position.isPresent()) {
                            positions.put(rs.getInt(1), position.getAsLong());
                        }
                        return null;
                    })
                    .list();
        } catch (RuntimeException e) {
            // No token table here (Axon Server) or a token this version cannot read: claimed segments still count.
            return Map.of();
        }
        return positions;
    }

    /** The head position of the store (the highest global index), or empty when it is empty. */
    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * The lowest position among the processor's segments; empty before it has processed anything.
     * A segment stuck on an event is released between retries and has no status then: it counts
     * as just before the event it fails on, so the lag does not hide it; any other unclaimed
     * segment counts at the position stored in the token store.
     */
    public OptionalLong position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        // A segment nobody here has claimed counts at its stored position, never as "no lag".
        LongStream unclaimed = storedPositions(processor.getName()).entrySet().stream()
                .filter(e -> !claimed.containsKey(e.getKey())).mapToLong(Map.Entry::getValue);
        return LongStream.concat(LongStream.concat(
                        claimed.values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent)
                                .mapToLong(OptionalLong::getAsLong),
                        failures.current(processor).stream().mapToLong(f -> f.sequence() - 1)), unclaimed)
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
