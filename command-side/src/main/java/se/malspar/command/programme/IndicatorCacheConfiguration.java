package se.malspar.command.programme;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.platform.axon.BoundedCache;

/**
 * Indicators are the aggregates with long histories (every measurement and its verdict), so each
 * command would otherwise read and replay all of them first. The cache keeps the most recently
 * used indicators ({@code malspar.commands.indicator-cache-size}, 10,000 by default). Axon drops
 * an entry whenever a unit of work on it rolls back, so a stale entry (another command-side
 * instance appended meanwhile) costs one refused command, never a wrong event: the append is
 * refused by the store's unique (aggregate, sequence) key.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorCacheConfiguration {

    static final String CACHE = "indicatorCache";

    @Bean(CACHE)
    Cache indicatorCache(@Value("${malspar.commands.indicator-cache-size:10000}") int size) {
        return new BoundedCache(size);
    }
}
