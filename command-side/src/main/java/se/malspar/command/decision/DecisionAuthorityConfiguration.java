package se.malspar.command.decision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompetenceRules.class)
class DecisionAuthorityConfiguration {

    @Bean
    DecisionAuthority decisionAuthority(DecisionLookup decisions, CompetenceRules competence) {
        return new DecisionAuthority(decisions, competence);
    }
}
