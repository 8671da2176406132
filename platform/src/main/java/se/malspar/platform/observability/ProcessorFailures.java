package se.malspar.platform.observability;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The event each streaming processor's segment is stuck on, if any.
 * <p>
 * Why this exists: a pooled streaming processor marks a failing segment's status as an error only
 * for a moment. With the propagating error handler the work package aborts, its status is removed
 * from {@code processingStatus()}, the claim is released and the segment is re-claimed after a
 * back-off of 1, 2, 4 … 60 s (Axon's Coordinator, not configurable), then fails again. Between
 * attempts the processor looks running and error-free. So every event handler invocation is watched
 * here (a handler interceptor on every processor), and so is the rollback of every batch — a batch
 * whose handlers all succeeded can still fail in the unit of work's prepare-commit or commit (a
 * projection's batched writes, the token update), which no handler sees. A failure is remembered
 * per segment until that segment has handled the failed event (committed), or has moved past it,
 * or the processor is reset.
 */
@Component
public class ProcessorFailures {

    /** Axon's unit-of-work resource naming the segment a streaming processor's batch belongs to. */
    private static final String SEGMENT_RESOURCE = "Processor[%s]/SegmentId";
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");
    private static final Pattern LEADING_EXCEPTION = Pattern.compile("^(?:[A-Z][A-Za-z0-9_$]*(?:Exception|Error): )+");
    private static final int MAX_MESSAGE = 300;

    private final Map<String, Map<Integer, Failure>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    /** The batch (root unit of work) each event being handled belongs to; removed at its cleanup. */
    private final Map<UnitOfWork<?>, Batch> batches = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    ProcessorFailures(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * A segment stuck on an event: the event's global sequence and type, the handler's message
     * (no stack trace, no class names), when it first and last failed, and how many attempts so far.
     */
    public record Failure(int segment, long sequence, String eventType, String message,
                          Instant firstFailedAt, Instant lastFailedAt, int attempts) {
    }

    /** The unresolved failures of the processor, lowest sequence first. */
    public List<Failure> current(StreamingEventProcessor processor) {
        Map<Integer, Failure> ofProcessor = failures.get(processor.getName());
        if (ofProcessor == null || ofProcessor.isEmpty()) {
            return List.of();
        }
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        // A segment that has moved past the event (for example after the handler was removed) is no longer stuck.
        ofProcessor.values().removeIf(f -> {
            EventTrackerStatus status = statuses.get(f.segment());
            OptionalLong position = status == null ? OptionalLong.empty() : status.getCurrentPosition();
            return status != null && !status.isErrorState() && position.isPresent()
                    && position.getAsLong() >= f.sequence();
        });
        return ofProcessor.values().stream().sorted(Comparator.comparingLong(Failure::sequence)).toList();
    }

    /** Forgets the processor's failures: its tokens have been reset and it starts over. */
    public void clear(String processorName) {
        failures.remove(processorName);
    }

    void failed(String processor, int segment, long sequence, String eventType, Throwable error) {
        Instant now = clock.instant();
        String message = describe(error);
        failures.computeIfAbsent(processor, p -> new ConcurrentHashMap<>()).merge(segment,
                new Failure(segment, sequence, eventType, message, now, now, 1),
                (before, again) -> before.sequence() == sequence
                        ? new Failure(segment, sequence, eventType, message, before.firstFailedAt(), now, before.attempts() + 1)
                        : again);
    }

    void handled(String processor, int segment, long sequence) {
        Map<Integer, Failure> ofProcessor = failures.get(processor);
        if (ofProcessor != null) {
            ofProcessor.computeIfPresent(segment, (s, f) -> sequence >= f.sequence() ? null : f);
        }
    }

    boolean hasFailure(String processor, int segment) {
        Map<Integer, Failure> ofProcessor = failures.get(processor);
        return ofProcessor != null && ofProcessor.containsKey(segment);
    }

    /** What an operator may see of an error: its message without stack trace or class names. */
    public static String describe(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return "the event handler failed without a message";
        }
        String plain = QUALIFIED_NAME.matcher(message.strip()).replaceAll("$1");
        plain = LEADING_EXCEPTION.matcher(plain).replaceAll("");
        plain = plain.lines().findFirst().orElse("").strip();
        return plain.length() > MAX_MESSAGE ? plain.substring(0, MAX_MESSAGE) + "…" : plain;
    }

    private MessageHandlerInterceptor<EventMessage<?>> watch(String processor) {
        String segmentResource = SEGMENT_RESOURCE.formatted(processor);
        return (unitOfWork, chain) -> {
            EventMessage<?> message = unitOfWork.getMessage();
            // Subscribing processors have no segment: their failures roll the command back instead.
            if (!(unitOfWork.getResource(segmentResource) instanceof Integer segment)
                    || !(message instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null) {
                return chain.proceed();
            }
            long sequence = tracked.trackingToken().position().orElse(-1L);
            String eventType = message.getPayloadType().getSimpleName();
            // A batch may also fail after its handlers succeeded: work a handler left for the
            // unit of work's prepare-commit or commit (batched JDBC writes, the token update).
            // Which event caused it cannot be told; the segment is stuck at the batch's first.
            UnitOfWork<?> batchUnit = unitOfWork.root();
            Batch batch = batches.computeIfAbsent(batchUnit, u -> {
                Batch first = new Batch(sequence, eventType);
                batchUnit.onRollback(rolledBack -> batchRolledBack(processor, segment, first, rolledBack));
                batchUnit.onCleanup(done -> batches.remove(done));
                return first;
            });
            Object result;
            try {
                result = chain.proceed();
            } catch (Exception | Error e) {
                failed(processor, segment, sequence, eventType, e);
                batch.handlerFailed = true;
                throw e;
            }
            if (hasFailure(processor, segment)) {
                // Only a committed success counts: the batch may still roll back.
                unitOfWork.afterCommit(u -> handled(processor, segment, sequence));
            }
            return result;
        };
    }

    private void batchRolledBack(String processor, int segment, Batch batch, UnitOfWork<?> unitOfWork) {
        if (batch.handlerFailed) {
            return;
        }
        try {
            ExecutionResult result = unitOfWork.getExecutionResult();
            if (result != null && result.isExceptionResult() && result.getExceptionResult() != null) {
                failed(processor, segment, batch.firstSequence, batch.firstEventType, result.getExceptionResult());
            }
        } catch (RuntimeException e) {
            // Never disturb Axon's rollback: a failure that cannot be read is seen at the next attempt.
        }
    }

    /** The first event of a batch, and whether a handler already reported the batch's failure. */
    private static final class Batch {
        final long firstSequence;
        final String firstEventType;
        volatile boolean handlerFailed;

        Batch(long firstSequence, String firstEventType) {
            this.firstSequence = firstSequence;
            this.firstEventType = firstEventType;
        }
    }

    /** Separate from the component: Axon's configuration needs the module before the processors exist. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ConfigurerModule processorFailureWatch(ProcessorFailures failures) {
            return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (config, processorName) -> failures.watch(processorName));
        }
    }
}
