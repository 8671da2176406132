package se.malspar.command.period;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClosedPeriodsConfiguration {

    /** Subscribing, not streaming: the lookup must commit or fail together with the period's events. */
    @Bean
    ConfigurerModule subscribeClosedPeriods() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(ClosedPeriods.GROUP);
    }
}
