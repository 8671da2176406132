package se.malspar.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.platform.pipeline.CommandPipeline;

/**
 * Counts and times every command handled ({@code malspar.commands}, tagged with the command
 * and its outcome: accepted, refused by a rule, or failed).
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    @Bean
    CommandPipeline.HandlerStage metricsStage(MeterRegistry registry) {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.METRICS, (unitOfWork, chain) -> {
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            Timer.Sample sample = Timer.start(registry);
            String outcome = "accepted";
            try {
                return chain.proceed();
            } catch (RuleViolationException e) {
                outcome = "refused";
                throw e;
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName().equals("CommandExecutionException") ? "refused" : "failed";
                throw e;
            } finally {
                sample.stop(Timer.builder("malspar.commands")
                        .description("commands handled by the command side")
                        .tag("command", command)
                        .tag("outcome", outcome)
                        .register(registry));
            }
        });
    }
}
