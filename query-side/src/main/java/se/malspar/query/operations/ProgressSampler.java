package se.malspar.query.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * A processor's position sampled over time, for its speed during a rebuild. Samples are taken
 * whenever the projections are looked at (the API, the metrics scrape); only the last
 * {@link #WINDOW} counts, so the speed follows the replay rather than averaging over all of it.
 * No clock in here: the caller says when.
 */
final class ProgressSampler {

    static final Duration WINDOW = Duration.ofSeconds(30);
    private static final int CAPACITY = 64;

    private record Sample(Instant at, long position) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(Instant at, long position) {
        Sample last = samples.peekLast();
        if (last != null && position < last.position()) {
            // Moved backwards: a reset. The old samples say nothing about the new run.
            samples.clear();
        } else if (last != null && !at.isAfter(last.at())) {
            return;
        }
        samples.addLast(new Sample(at, position));
        Instant oldest = at.minus(WINDOW);
        while ((samples.size() > 2 && samples.peekFirst().at().isBefore(oldest)) || samples.size() > CAPACITY) {
            samples.removeFirst();
        }
    }

    /** Events per second between the oldest and newest sample in the window; empty with fewer than two. */
    synchronized OptionalDouble eventsPerSecond() {
        if (samples.size() < 2) {
            return OptionalDouble.empty();
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long millis = Duration.between(first.at(), last.at()).toMillis();
        return millis <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of((last.position() - first.position()) * 1000.0 / millis);
    }
}
