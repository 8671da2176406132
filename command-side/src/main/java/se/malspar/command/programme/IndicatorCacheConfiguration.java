package se.malspar.command.programme;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.platform.axon.CaffeineCache;

import java.util.Objects;

/**
 * Indicators are the aggregates with long histories (every measurement and its verdict), so each
 * command would otherwise read and replay all of them first. A cache keeps the most used ones
 * ({@code malspar.commands.indicator-cache-size}, 10,000 by default; {@link CaffeineCache}).
 * <p>
 * Several command-side processes may write the same indicators, so a cached indicator is used
 * only if it is as new as the store: before each command its version is compared with the last
 * sequence number the store holds for it (one indexed lookup, far cheaper than a replay); if
 * another process has appended since, the entry is dropped and the indicator is read from the
 * store. The command holds the aggregate's advisory lock by then ({@code OneCommandPerAggregate}),
 * so nothing can be appended between the check and this command's own append.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorCacheConfiguration {

    static final String CACHE = "indicatorCache";
    static final String REPOSITORY = "indicatorRepository";

    @Bean(CACHE)
    Cache indicatorCache(@Value("${malspar.commands.indicator-cache-size:10000}") int size) {
        return new CaffeineCache(size);
    }

    @Bean(REPOSITORY)
    Repository<Indicator> indicatorRepository(EventStore eventStore, @Qualifier(CACHE) Cache cache,
                                              ParameterResolverFactory parameters, HandlerDefinition handlers) {
        return new StoreCheckedRepository(EventSourcingRepository.builder(Indicator.class)
                .eventStore(eventStore)
                .cache(cache)
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers), eventStore, cache);
    }

    /** Axon's caching repository, plus the check of a cached indicator against the store. */
    static final class StoreCheckedRepository extends CachingEventSourcingRepository<Indicator> {

        private final EventStore eventStore;
        private final Cache cache;

        StoreCheckedRepository(EventSourcingRepository.Builder<Indicator> builder, EventStore eventStore, Cache cache) {
            super(builder);
            this.eventStore = eventStore;
            this.cache = cache;
        }

        @Override
        protected EventSourcedAggregate<Indicator> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
            EventSourcedAggregate<Indicator> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
            if (Objects.equals(aggregate.version(), stored)) {
                return aggregate;
            }
            // Another process appended to it since it was cached: read it again from the store.
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
    }
}
