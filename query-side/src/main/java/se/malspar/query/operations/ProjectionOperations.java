package se.malspar.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.malspar.platform.observability.ProcessorFailures;
import se.malspar.platform.observability.ProcessorLag;
import se.malspar.platform.web.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every read model, generically: each streaming event processor is one, whatever its tables.
 * Subscribing processors (the command side's lookups) are not: they run inside the command's
 * transaction and have no position to show or rebuild, so they are never listed here.
 * <p>
 * A rebuild shuts the processor down, resets its tokens to the start of the event store (which
 * calls the read model's {@code @ResetHandler}, in the same transaction, to empty its own tables)
 * and starts it again; it then replays every event, however long that takes. What is known about
 * running rebuilds is kept in memory on this instance.
 */
@Component
class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);
    private static final Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> FROM_THE_START =
            StreamableMessageSource::createTailToken;

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final ProcessorFailures failures;
    private final Clock clock;
    private final ReplayCoordination coordination;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final Map<String, ProgressSampler> samplers = new ConcurrentHashMap<>();

    ProjectionOperations(EventProcessingConfiguration processing, ProcessorLag lag, ProcessorFailures failures,
                         ObjectProvider<Clock> clock, ReplayCoordination coordination) {
        this.processing = processing;
        this.coordination = coordination;
        this.lag = lag;
        this.failures = failures;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A rebuild being watched: the head of the store when it started, and when that was. */
    private record Replay(long eventsTotal, Instant startedAt) {
    }

    List<ProjectionView> all() {
        OptionalLong head = lag.head();
        Instant now = clock.instant();
        return streaming().map(p -> view(p, head, now)).toList();
    }

    Optional<ProjectionView> find(String name) {
        return processor(name).map(p -> view(p, lag.head(), clock.instant()));
    }

    /**
     * Starts a rebuild of the read model; returns its state right after the restart. A read model that shares its
     * processor with others ({@code malspar.processors.shared-stream.groups}) is rebuilt together with them: they have
     * one token.
     */
    synchronized ProjectionView replay(String readModel) {
        StreamingEventProcessor processor = processor(readModel)
                .orElseThrow(() -> new NotFoundException("no projection '" + readModel + "'"));
        String name = processor.getName();
        ProjectionView current = view(processor, lag.head(), clock.instant());
        if (current.progress() != null) {
            throw new ReplayRefusedException("a replay of " + name + " is already running ("
                    + current.progress().eventsDone() + " of " + current.progress().eventsTotal() + " events)");
        }
        if (!processor.supportsReset()) {
            throw new ReplayRefusedException(name + " cannot be replayed: its event handlers do not support a reset");
        }
        long head = lag.head().orElse(0L);
        Instant startedAt = clock.instant();
        log.info("replay of {} requested: resetting it to the start of the event store (head {})", name, head);
        coordination.withOthersPaused(name, () -> {
            processor.shutDown();
            try {
                coordination.awaitAllReleased(name);
                processor.resetTokens(FROM_THE_START);
                failures.clear(name);
                samplers.remove(name);
                replays.put(name, new Replay(head, startedAt));
            } catch (UnableToClaimTokenException e) {
                throw new ReplayRefusedException(name + " cannot be replayed while another instance holds one of its "
                        + "segments: " + coordination.owners(name));
            } finally {
                // Whatever happened, the read model keeps running: rebuilt, or where it was if the reset failed.
                processor.start();
            }
            return null;
        });
        return view(processor, lag.head(), clock.instant());
    }

    Stream<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(EventProcessor::getName));
    }

    /** The processor of that name, or the one that runs the read model (processing group) of that name. */
    private Optional<StreamingEventProcessor> processor(String name) {
        return streaming().filter(p -> p.getName().equals(name)).findFirst()
                .or(() -> processing.eventProcessorByProcessingGroup(name)
                        .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast));
    }

    private ProjectionView view(StreamingEventProcessor processor, OptionalLong head, Instant now) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> statuses = new TreeMap<>(processor.processingStatus());
        List<ProcessorFailures.Failure> failed = failures.current(processor);
        Map<Integer, ProcessorFailures.Failure> failedBySegment = failed.stream()
                .collect(Collectors.toMap(ProcessorFailures.Failure::segment, f -> f, (a, b) -> a));

        Map<Integer, Long> stored = lag.storedPositions(name);
        Map<Integer, String> owners = owners(name);
        SortedSet<Integer> ids = new TreeSet<>(statuses.keySet());
        ids.addAll(failedBySegment.keySet());
        ids.addAll(owners.keySet());
        ids.addAll(stored.keySet());
        List<ProjectionView.Segment> segments = ids.stream()
                .map(id -> segment(id, statuses.get(id), failedBySegment.get(id), owners.get(id), stored.get(id)))
                .toList();

        // From the same snapshot as the segments, so the view never contradicts itself mid-batch.
        OptionalLong position = segments.stream().map(ProjectionView.Segment::position)
                .filter(Objects::nonNull).mapToLong(Long::longValue).min();
        position.ifPresent(p -> samplers.computeIfAbsent(name, n -> new ProgressSampler()).record(now, p));
        Replay replay = watchReplay(processor, statuses, ids, now);
        String error = firstError(processor, failed, statuses);
        ProjectionView.State state = !processor.isRunning() ? ProjectionView.State.STOPPED
                : error != null ? ProjectionView.State.ERROR
                : replay != null ? ProjectionView.State.REPLAYING
                : ProjectionView.State.RUNNING;
        long behind = head.isEmpty() ? 0 : Math.max(0, head.getAsLong() - position.orElse(0L));
        return new ProjectionView(name, ReplayCoordination.NODE_ID, state, boxed(position), boxed(head), behind, segments, error,
                replay == null ? null : progress(name, replay, position, now));
    }

    /** The rebuild in progress, if any; forgets one that has finished (every segment past its reset point). */
    private Replay watchReplay(StreamingEventProcessor processor, Map<Integer, EventTrackerStatus> statuses,
                               SortedSet<Integer> segmentIds, Instant now) {
        boolean replaying = statuses.values().stream().anyMatch(ProjectionOperations::replaying);
        return replays.compute(processor.getName(), (name, known) -> {
            if (known == null) {
                // A rebuild not started here (a first start, or another instance): watched from now on.
                return replaying ? new Replay(statuses.values().stream()
                        .map(EventTrackerStatus::getResetPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .max().orElse(0L), now) : null;
            }
            boolean finished = processor.isRunning() && !replaying && !statuses.isEmpty()
                    && statuses.keySet().containsAll(segmentIds);
            return finished ? null : known;
        });
    }

    private ProjectionView.Progress progress(String name, Replay replay, OptionalLong position, Instant now) {
        long done = Math.min(replay.eventsTotal(), Math.max(0L, position.orElse(0L)));
        ProgressSampler sampler = samplers.get(name);
        double perSecond = (sampler == null ? OptionalDouble.empty() : sampler.eventsPerSecond())
                .orElseGet(() -> {
                    long millis = Duration.between(replay.startedAt(), now).toMillis();
                    return millis <= 0 ? 0.0 : done * 1000.0 / millis;
                });
        return new ProjectionView.Progress(done, replay.eventsTotal(), Math.round(perSecond * 10) / 10.0,
                replay.startedAt());
    }

    private static ProjectionView.Segment segment(int id, EventTrackerStatus status, ProcessorFailures.Failure failure,
                                                  String owner, Long storedPosition) {
        // Unclaimed here: the position its token store entry holds (it may be claimed by another instance).
        Long position = status == null ? storedPosition : boxed(status.getCurrentPosition());
        if (failure != null) {
            // Not past the event it fails on, whatever else is known.
            position = position == null ? failure.sequence() - 1 : Math.min(position, failure.sequence() - 1);
        }
        String error = failure != null ? failure.message()
                : status != null && status.isErrorState() ? ProcessorFailures.describe(status.getError()) : null;
        return new ProjectionView.Segment(id, position, status != null, owner, status != null && replaying(status), error,
                failure == null ? null : failure.sequence(),
                failure == null ? null : failure.eventType(),
                failure == null ? null : failure.attempts());
    }

    /**
     * Still re-handling events from before the reset. Axon keeps a segment's replay token until an
     * event <em>after</em> the reset point arrives, so a segment back at that point is done, even
     * if it still says replaying.
     */
    private static boolean replaying(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        return status.isReplaying()
                && !(current.isPresent() && reset.isPresent() && current.getAsLong() >= reset.getAsLong());
    }

    private static String firstError(StreamingEventProcessor processor, List<ProcessorFailures.Failure> failed,
                                     Map<Integer, EventTrackerStatus> statuses) {
        if (!failed.isEmpty()) {
            return failed.get(0).message();
        }
        Optional<String> segmentError = statuses.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> ProcessorFailures.describe(s.getError()))
                .findFirst();
        if (segmentError.isPresent()) {
            return segmentError.get();
        }
        return processor.isError()
                ? "the processor cannot read the event store or claim its segments; it keeps retrying" : null;
    }

    /** Every segment in the token store and the process claiming it (a read, no claim). */
    private Map<Integer, String> owners(String name) {
        try {
            return coordination.owners(name);
        } catch (RuntimeException e) {
            log.debug("segments of {} not readable from the token store: {}", name, e.toString());
            return Map.of();
        }
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
