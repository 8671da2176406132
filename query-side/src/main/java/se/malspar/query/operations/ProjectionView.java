package se.malspar.query.operations;

import java.time.Instant;
import java.util.List;

/**
 * A read model (a streaming event processor) as operations see it, from one process
 * ({@code instance}: its node id in the token store, {@code pid@host}). {@code position} is the lowest
 * global sequence its segments have processed, {@code head} the highest in the event store,
 * {@code lag} the difference; {@code error} the first error it is stuck on (message only);
 * {@code progress} only while it is being rebuilt.
 */
record ProjectionView(String name, String instance, State state, Long position, Long head, long lag, List<Segment> segments,
                      String error, Progress progress) {

    enum State {
        RUNNING, REPLAYING, ERROR, STOPPED
    }

    /**
     * One segment. {@code claimed} is whether this process holds it; {@code owner} which process does
     * (its node id in the token store; null while nobody does: between retries after a failure, or
     * a stopped process). A segment held by another process shows no position or error here: ask that
     * process. Unclaimed here, its position is unknown, or just before the event it fails on.
     */
    record Segment(int id, Long position, boolean claimed, String owner, boolean replaying, String error,
                   Long failedSequence, String failedEventType, Integer attempts) {
    }

    /**
     * A rebuild: {@code eventsTotal} is the head of the store when it started, {@code eventsDone}
     * how far the slowest segment is, {@code eventsPerSecond} its recent speed.
     */
    record Progress(long eventsDone, long eventsTotal, double eventsPerSecond, Instant startedAt) {
    }
}
