package se.malspar.command.programme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator's port, answered by the follow-up periods' lookup (a period is closed for every indicator alike). */
@Configuration(proxyBeanMethods = false)
class IndicatorClosedPeriods {

    @Bean
    ClosedPeriods closedPeriodsOfIndicators(se.malspar.command.period.ClosedPeriods periods) {
        return (indicator, period) -> periods.isClosed(period);
    }
}
