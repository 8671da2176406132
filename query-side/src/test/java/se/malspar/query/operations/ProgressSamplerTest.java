package se.malspar.query.operations;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSamplerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void speedIsMeasuredOverTheRecentSamples() {
        ProgressSampler sampler = new ProgressSampler();
        assertThat(sampler.eventsPerSecond()).isEmpty();
        sampler.record(T0, 0);
        assertThat(sampler.eventsPerSecond()).isEmpty();
        sampler.record(T0.plusSeconds(2), 1000);
        assertThat(sampler.eventsPerSecond()).hasValue(500.0);
        // Samples older than the window no longer count: the speed follows the replay.
        sampler.record(T0.plusSeconds(60), 1000);
        sampler.record(T0.plusSeconds(62), 1400);
        assertThat(sampler.eventsPerSecond()).hasValue(200.0);
    }

    @Test
    void aResetStartsOverAndTheSameInstantIsSampledOnce() {
        ProgressSampler sampler = new ProgressSampler();
        sampler.record(T0, 5000);
        sampler.record(T0.plusSeconds(1), 6000);
        sampler.record(T0.plusSeconds(1), 9000);
        assertThat(sampler.eventsPerSecond()).hasValue(1000.0);
        sampler.record(T0.plusSeconds(2), 10);
        assertThat(sampler.eventsPerSecond()).isEmpty();
        sampler.record(T0.plusSeconds(4), 110);
        assertThat(sampler.eventsPerSecond()).hasValue(50.0);
    }
}
