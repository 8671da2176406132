package se.malspar.kernel.programme.measurement;

import java.time.Instant;

/** Every follow-up period that has been closed, with its state as recorded by {@code knownAt}. */
public record FindPeriodStates(Instant knownAt) {
}
