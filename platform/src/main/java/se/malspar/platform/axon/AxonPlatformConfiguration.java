package se.malspar.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Axon wiring shared by both sides: Jackson for every serializer, the JPA event store on
 * PostgreSQL (also with the {@code axonserver} profile, which moves only commands and queries to
 * Axon Server), and pooled streaming processors that never skip an event a projection failed on.
 */
@Configuration(proxyBeanMethods = false)
// Axon registers its event entities only from its own event store auto-configuration, which
// steps aside because the event store is defined here.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class AxonPlatformConfiguration {

    /** Always, unless someone turns Axon Server's event store on, which {@link #eventsInAxonServer} refuses. */
    static final String EVENTS_IN_POSTGRESQL =
            "!${axon.axonserver.enabled:false} or !${axon.axonserver.event-store.enabled:true}";

    /**
     * Events in Axon Server cannot commit together with what lives in PostgreSQL (lookups,
     * idempotency keys, tokens, read models): a crash between the two commits would leave an
     * idempotency key without its events, or events the lookups do not know. So that combination
     * does not start.
     */
    @Bean
    @ConditionalOnExpression("${axon.axonserver.enabled:false} and ${axon.axonserver.event-store.enabled:true}")
    Object eventsInAxonServer() {
        throw new IllegalStateException("axon.axonserver.event-store.enabled=true is not supported: the events must "
                + "commit in the same PostgreSQL transaction as the lookups and idempotency keys; keep "
                + "axon.axonserver.event-store.enabled=false (the axonserver profile's default; see README, Distributed mode)");
    }

    /**
     * Events are public records read for decades: their own mapper, independent of the web
     * layer's strict input settings, tolerant of fields added by later revisions.
     */
    static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        return new StoredTypeNames(JacksonSerializer.builder()
                .objectMapper(eventObjectMapper())
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(getClass().getClassLoader())));
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @ConditionalOnExpression(EVENTS_IN_POSTGRESQL)
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          DataSource dataSource,
                                          @Value("${malspar.events.read-batch-size:1000}") int readBatchSize,
                                          @Value("${malspar.events.storage-engine:jpa}") String engine)
            throws SQLException {
        if ("jdbc".equals(engine)) {
            return JdbcEvents.engine(serializer, configuration, dataSource, transactionManager, readBatchSize);
        }
        return JpaEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLErrorCodesResolver(dataSource))
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(readBatchSize)
                .build();
    }

    /**
     * Defined here (not by Axon's auto-configuration) to set the fetch delay: how soon a
     * processor sees events that another process has written if no notification reaches it; and
     * to tell the processors of new events at once, from this process or through PostgreSQL's
     * NOTIFY from another, instead of letting them poll ({@link SignallingEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnExpression(EVENTS_IN_POSTGRESQL)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  DataSource dataSource,
                                  @Value("${malspar.events.fetch-delay}") Duration fetchDelay,
                                  @Value("${malspar.events.listen:true}") boolean listen) {
        return new SignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS), dataSource, listen, Duration.ofSeconds(1));
    }

    /**
     * How long Axon waits for each start or shutdown phase (its default is 5 s). A stopping pooled
     * processor does not always report that it has stopped, so every shutdown waits this long.
     */
    @Bean
    ConfigurerModule lifecyclePhaseTimeout(@Value("${malspar.lifecycle.phase-timeout:5s}") Duration timeout) {
        return configurer -> configurer.configureLifecyclePhaseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@code malspar.processors.shared-stream.groups}: read models (processing groups) that share one pooled processor,
     * {@code malspar.processors.shared-stream.name}: one event stream, one token, one batch and transaction for all of
     * them (README, Rebuilding a read model; measured in BENCHMARKS.md). Empty (the default): every read model has its
     * own processor. A handler of a shared read model that fails names its read model in the error, because the
     * processor's status is shared; the failure still propagates, so the batch is retried and never skipped.
     */
    @Bean
    ConfigurerModule sharedStream(@Value("${malspar.processors.shared-stream.groups:}") List<String> groups,
                                  @Value("${malspar.processors.shared-stream.name:read-models}") String name) {
        Set<String> shared = groups.stream().map(String::strip).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return configurer -> {
            if (shared.isEmpty()) {
                return;
            }
            configurer.eventProcessing().assignProcessingGroup(group -> shared.contains(group) ? name : group);
            for (String group : shared) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group, c -> (error, event, handler) -> {
                    throw new ReadModelFailure(group, error);
                });
            }
        };
    }

    /** A handler of a read model that shares its processor failed: the message says which read model. */
    static final class ReadModelFailure extends RuntimeException {
        ReadModelFailure(String readModel, Exception cause) {
            super(readModel + ": " + firstMessage(cause), cause);
        }

        private static String firstMessage(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    return t.getMessage();
                }
            }
            return "the event handler failed without a message";
        }
    }

    @Bean
    ConfigurerModule pooledStreamingProcessors(@Value("${malspar.processors.batch-size}") int batchSize,
                                               @Value("${malspar.processors.segments}") int segments,
                                               @Value("${malspar.processors.token-claim-interval:1s}") Duration claimInterval) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)
                        // Also how soon a segment released after a failure is retried: the retry waits
                        // for the next claim round after Axon's own back-off (1, 2, 4 … 60 s).
                        .tokenClaimInterval(claimInterval.toMillis()))
                // The default LoggingErrorHandler would log and skip the event: an audit read
                // model must stop and retry instead, visibly.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
