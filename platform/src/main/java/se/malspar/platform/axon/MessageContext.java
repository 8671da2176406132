package se.malspar.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.platform.observability.CorrelationIdFilter;
import se.malspar.platform.pipeline.CommandPipeline;

import java.util.Map;

/**
 * Carries the request's correlation id into command metadata as Axon's {@code traceId} (Axon's
 * MessageOriginProvider keeps the trace id on every message the command causes, and sets
 * {@code correlationId} to the direct parent), and puts a handled message's trace id in the log
 * context, so one id follows a change from the HTTP request to the read model.
 */
@Configuration(proxyBeanMethods = false)
class MessageContext {

    static final String TRACE_ID = "traceId";

    @Bean
    CommandPipeline.DispatchStage traceIdStage() {
        return new CommandPipeline.DispatchStage(CommandPipeline.Dispatch.TRACE_ID, correlationFromRequest());
    }

    @Bean
    CommandPipeline.HandlerStage logContextStage() {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.LOG_CONTEXT, MessageContext.<CommandMessage<?>>logContext());
    }

    /** Separate from the command stages above: Axon's configuration needs it before the bus exists. */
    @Configuration(proxyBeanMethods = false)
    static class EventLogContext {

        @Bean
        ConfigurerModule eventLogContext() {
            return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (config, processorName) -> MessageContext.<EventMessage<?>>logContext());
        }
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> correlationFromRequest() {
        return messages -> (index, command) -> {
            String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
            if (correlationId == null || command.getMetaData().containsKey(TRACE_ID)) {
                return command;
            }
            return command.andMetaData(Map.of(TRACE_ID, correlationId));
        };
    }

    private static <T extends org.axonframework.messaging.Message<?>> MessageHandlerInterceptor<T> logContext() {
        return (unitOfWork, chain) -> {
            Object correlationId = unitOfWork.getMessage().getMetaData().get(TRACE_ID);
            String previous = MDC.get(CorrelationIdFilter.MDC_KEY);
            if (correlationId != null) {
                MDC.put(CorrelationIdFilter.MDC_KEY, correlationId.toString());
            }
            try {
                return chain.proceed();
            } finally {
                if (previous == null) {
                    MDC.remove(CorrelationIdFilter.MDC_KEY);
                } else {
                    MDC.put(CorrelationIdFilter.MDC_KEY, previous);
                }
            }
        };
    }
}
