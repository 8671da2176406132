package se.malspar.command.programme;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StructureLookupConfiguration {

    /** Subscribing, not streaming: the lookup must commit or fail together with the events. */
    @Bean
    ConfigurerModule subscribeStructureLookup() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(StructureLookupProjector.GROUP);
    }
}
