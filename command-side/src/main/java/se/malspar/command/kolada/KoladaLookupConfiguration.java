package se.malspar.command.kolada;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KoladaProperties.class)
class KoladaLookupConfiguration {

    /** Subscribing, not streaming: the lookup must commit or fail together with the indicator events. */
    @Bean
    ConfigurerModule subscribeKoladaKpiLookup() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(KoladaKpiLookup.GROUP);
    }
}
