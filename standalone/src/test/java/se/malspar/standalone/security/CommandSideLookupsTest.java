package se.malspar.standalone.security;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups the aggregates consult subscribe (they commit or fail with the events, set in
 * malspar-command-side.yml); the read models stream. In the security tests' shared context.
 */
@SecurityTestApplication
class CommandSideLookupsTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theCommandSidesLookupsSubscribeWhileReadModelsStream() {
        for (String lookup : List.of("decision-lookup", "decision-change-lookup", "structure-lookup", "kolada-kpi-lookup",
                "closed-period-lookup")) {
            assertThat(processing.eventProcessor(lookup)).as(lookup).get().isInstanceOf(SubscribingEventProcessor.class);
        }
        assertThat(processing.eventProcessors().values()).as("the read models")
                .anySatisfy(p -> assertThat(p).isInstanceOf(PooledStreamingEventProcessor.class));
    }
}
