package se.malspar.platform.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.platform.pipeline.CommandPipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * Who did it: every command is stamped, at dispatch, with the authenticated user's id and the
 * login mode, taken from the security context and from nothing the caller sends; every event the
 * command causes inherits them. A command that arrives without a user is refused.
 */
@Configuration(proxyBeanMethods = false)
class CallerMetadata {

    static final String USER_ID = "userId";
    static final String LOGIN_MODE = "loginMode";

    @Bean
    CommandPipeline.DispatchStage callerStage(MalsparSecurityProperties properties) {
        return new CommandPipeline.DispatchStage(CommandPipeline.Dispatch.CALLER,
                stampCaller(properties.mode().name().toLowerCase()));
    }

    @Bean
    CommandPipeline.HandlerStage requireUserStage() {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.REQUIRE_USER, (unitOfWork, chain) -> {
            Object userId = unitOfWork.getMessage().getMetaData().get(USER_ID);
            if (userId == null || userId.toString().isBlank()) {
                throw new RuleViolationException(Refusal.UNAUTHENTICATED, "a command needs an authenticated user");
            }
            return chain.proceed();
        });
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> stampCaller(String loginMode) {
        return messages -> (index, command) -> {
            Map<String, Object> metaData = new HashMap<>(command.getMetaData());
            // Whatever a caller put there is dropped: only the security context speaks for the user.
            metaData.remove(USER_ID);
            metaData.remove(LOGIN_MODE);
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                metaData.put(USER_ID, authentication.getName());
                metaData.put(LOGIN_MODE, loginMode);
            }
            return command.withMetaData(metaData);
        };
    }

    /**
     * Copies the caller onto every event; Axon's own origin provider (correlation and trace ids)
     * stays. Separate from the command stages above: Axon's configuration needs these before the bus exists.
     */
    @Configuration(proxyBeanMethods = false)
    static class CallerCorrelation {

        @Bean
        CorrelationDataProvider callerCorrelation() {
            // The idempotency key too: the audit trail shows which request caused an event.
            return new SimpleCorrelationDataProvider(USER_ID, LOGIN_MODE, "idempotencyKey");
        }

        @Bean
        CorrelationDataProvider messageOriginProvider() {
            return new MessageOriginProvider();
        }
    }
}
