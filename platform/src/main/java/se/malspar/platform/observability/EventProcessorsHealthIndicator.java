package se.malspar.platform.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health contributor {@code eventProcessors} (part of readiness): DOWN when a read model is
 * stopped or stuck on an event it failed on, so a stale audit view never looks healthy.
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final ProcessorFailures failures;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorLag lag,
                                   ProcessorFailures failures) {
        this.processing = processing;
        this.lag = lag;
        this.failures = failures;
    }

    @Override
    public Health health() {
        try {
            return check();
        } catch (RuntimeException e) {
            // E.g. the database is unreachable: an answer (DOWN) now, never an exception (HTTP 500).
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            // A segment stuck on an event shows as an error only between its retries (see ProcessorFailures).
            boolean error = processor.isError()
                    || processor.processingStatus().values().stream().anyMatch(s -> s.isErrorState())
                    || !failures.current(processor).isEmpty();
            healthy &= processor.isRunning() && !error;
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", processor.isRunning());
            state.put("error", error);
            state.put("replaying", processor.isReplaying());
            lag.lagOf(processor).ifPresent(l -> state.put("lag", l));
            details.put(processor.getName(), state);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
