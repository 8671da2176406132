package se.malspar.command.decision;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DecisionLookupConfiguration {

    /** Subscribing, not streaming: the lookup must commit or fail together with the events. */
    @Bean
    ConfigurerModule subscribeDecisionLookup() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(DecisionLookupProjector.GROUP);
    }

    /** Subscribing too: a verification must see every committed change of its decision. */
    @Bean
    ConfigurerModule subscribeDecisionChangeLookup() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(DecisionChangeLookupProjector.GROUP);
    }
}
