package se.malspar.command.programme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Nothing is closed until closing follow-up periods is built; then its bean replaces this one. */
@Configuration(proxyBeanMethods = false)
class ClosedPeriodsConfiguration {

    @Bean
    ClosedPeriods closedPeriods() {
        return ClosedPeriods.NONE;
    }
}
