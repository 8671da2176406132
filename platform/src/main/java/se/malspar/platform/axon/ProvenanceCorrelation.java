package se.malspar.platform.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.kernel.common.Provenance;

/**
 * Copies a command's provenance (its source paper, note, and for the history import the origin
 * and file version) onto every event the command causes, so the store keeps it with the event.
 */
@Configuration(proxyBeanMethods = false)
class ProvenanceCorrelation {

    @Bean
    CorrelationDataProvider provenanceCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Provenance.KEYS);
    }
}
