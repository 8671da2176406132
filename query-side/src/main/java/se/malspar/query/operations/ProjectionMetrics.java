package se.malspar.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The facts of GET /api/admin/projections as gauges, next to the platform's
 * {@code malspar.processor.lag}: position, replaying, error, and the share of a rebuild done.
 * One scrape reads the projections once (a snapshot kept for a second), not once per gauge.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    private final ProjectionOperations operations;
    private final Clock clock;
    private Map<String, ProjectionView> snapshot = Map.of();
    private Instant snapshotAt;

    ProjectionMetrics(ProjectionOperations operations, ObjectProvider<Clock> clock) {
        this.operations = operations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        operations.streaming().forEach(processor -> {
            String name = processor.getName();
            gauge(registry, "malspar.processor.position", name, "the lowest global sequence the read model has processed",
                    v -> v.position() == null ? 0 : v.position());
            gauge(registry, "malspar.processor.replaying", name, "1 while the read model is being rebuilt",
                    v -> v.progress() != null ? 1 : 0);
            gauge(registry, "malspar.processor.error", name, "1 while the read model is stuck on an event it fails on",
                    v -> v.state() == ProjectionView.State.ERROR ? 1 : 0);
            gauge(registry, "malspar.processor.replay.progress", name, "share of a rebuild done (1 when none runs)",
                    v -> v.progress() == null || v.progress().eventsTotal() == 0 ? 1
                            : (double) v.progress().eventsDone() / v.progress().eventsTotal());
        });
    }

    private void gauge(MeterRegistry registry, String metric, String processor, String description,
                       ToDoubleFunction<ProjectionView> value) {
        Gauge.builder(metric, () -> {
                    ProjectionView view = view(processor);
                    return view == null ? Double.NaN : value.applyAsDouble(view);
                })
                .description(description)
                .tag("processor", processor)
                .register(registry);
    }

    private synchronized ProjectionView view(String processor) {
        Instant now = clock.instant();
        if (snapshotAt == null || !now.isBefore(snapshotAt.plus(SNAPSHOT_AGE))) {
            snapshot = operations.all().stream().collect(Collectors.toMap(ProjectionView::name, v -> v));
            snapshotAt = now;
        }
        return snapshot.get(processor);
    }
}
