package se.malspar.standalone.operations;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import se.malspar.kernel.decision.DecisionRegistered;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read model that fails on demand: it refuses the registration of {@link #failOn} while that is
 * set, or handles {@link #failAtCommitOn} but leaves work for the unit of work's prepare-commit
 * that fails there (as a projection's batched writes would), and counts every registration it handled, once its batch has committed (a batch that fails
 * is rolled back and its events are handled again, so only committed handling counts).
 */
@ProcessingGroup(FailureProbe.GROUP)
class FailureProbe {

    static final String GROUP = "failure-probe";

    static volatile String failOn;
    static volatile String failAtCommitOn;
    static final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    @EventHandler
    void on(DecisionRegistered event) {
        String id = event.decisionId().value();
        if (id.equals(failOn)) {
            throw new IllegalStateException("the probe refuses " + id);
        }
        if (id.equals(failAtCommitOn)) {
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                if (id.equals(failAtCommitOn)) {
                    throw new IllegalStateException("the probe cannot write " + id);
                }
            });
        }
        CurrentUnitOfWork.get().afterCommit(u -> handled.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
    }

    @ResetHandler
    void reset() {
        handled.clear();
    }

    static int count(String decisionId) {
        AtomicInteger count = handled.get(decisionId);
        return count == null ? 0 : count.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeConfiguration {

        @Bean
        FailureProbe failureProbe() {
            return new FailureProbe();
        }

        /**
         * Every event in one sequence: an event the probe is stuck on holds back all later ones. And
         * one event per batch: a batch commits or rolls back whole, so with larger batches whether
         * an event before the failing one is committed would depend on how the events were queued.
         */
        @Bean
        ConfigurerModule failureProbeInOneSequence() {
            return configurer -> configurer.eventProcessing()
                    .registerSequencingPolicy(GROUP, c -> new SequentialPolicy())
                    .registerPooledStreamingEventProcessorConfiguration(GROUP, (c, builder) -> builder.batchSize(1));
        }
    }
}
