package se.malspar.platform.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.platform.pipeline.CommandPipeline;

/**
 * A refusal thrown by a command handler travels as the {@code details} of a
 * {@link CommandExecutionException}, so the admin API maps it to the same problem detail
 * whether the handler ran in this process or behind Axon Server.
 */
@Configuration(proxyBeanMethods = false)
class RuleViolationTranslation {

    @Bean
    CommandPipeline.HandlerStage refusalTranslationStage() {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.REFUSAL_TRANSLATION, (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuleViolationException e) {
                throw new CommandExecutionException(e.getMessage(), null, e.violation());
            }
        });
    }
}
