package se.malspar.platform.pipeline;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command pipeline: every interceptor a command passes through, registered here and nowhere
 * else, in the order the two enums below list them (the first is the outermost). Each stage is a
 * bean ({@link DispatchStage}, {@link HandlerStage}) declared beside the code it runs; this class
 * only puts them in order. A process has the stages its modules declare: the command side adds the
 * last two handler stages, a query-side process (which only sends commands) has none of them.
 *
 * <p>The stage beans are deliberately not Axon interceptor beans themselves, which Axon's
 * auto-configuration would register a second time, in an order of its own.
 */
@Configuration(proxyBeanMethods = false)
public class CommandPipeline {

    /** At dispatch, in the process that sends the command, before it leaves. */
    public enum Dispatch {
        /** Who sent it: the authenticated user and the login mode, from the security context only ({@code CallerMetadata}). */
        CALLER,
        /** The request's correlation id becomes Axon's trace id ({@code MessageContext}). */
        TRACE_ID
    }

    /**
     * At handling, in the process that handles the command. Axon's own interceptors come first: the
     * unit of work's transaction (so every stage below runs inside the command's transaction) and the
     * correlation data that events inherit.
     */
    public enum Handling {
        /** The command's trace id into the log context ({@code MessageContext}). */
        LOG_CONTEXT,
        /** Counts and times everything below ({@code CommandMetrics}). */
        METRICS,
        /** A refusal from below travels as a CommandExecutionException's details, also across processes ({@code RuleViolationTranslation}). */
        REFUSAL_TRANSLATION,
        /** A command without an authenticated user is refused ({@code CallerMetadata}). */
        REQUIRE_USER,
        /** Command side: one command per aggregate at a time across processes, by an advisory lock ({@code OneCommandPerAggregate}). */
        AGGREGATE_LOCK,
        /** Command side: a keyed request happens at most once ({@code IdempotentCommands}). */
        IDEMPOTENCY
    }

    /** One dispatch interceptor and its place in the pipeline. */
    public record DispatchStage(Dispatch position, MessageDispatchInterceptor<CommandMessage<?>> interceptor) {
        public DispatchStage {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(interceptor, "interceptor");
        }
    }

    /** One handler interceptor and its place in the pipeline. */
    public record HandlerStage(Handling position, MessageHandlerInterceptor<CommandMessage<?>> interceptor) {
        public HandlerStage {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(interceptor, "interceptor");
        }
    }

    @Autowired
    void register(CommandBus commandBus, List<DispatchStage> dispatch, List<HandlerStage> handling) {
        requireDistinct(dispatch.stream().map(DispatchStage::position).toList(), EnumSet.noneOf(Dispatch.class));
        requireDistinct(handling.stream().map(HandlerStage::position).toList(), EnumSet.noneOf(Handling.class));
        dispatch.stream().sorted(Comparator.comparing(DispatchStage::position))
                .forEach(stage -> commandBus.registerDispatchInterceptor(stage.interceptor()));
        handling.stream().sorted(Comparator.comparing(HandlerStage::position))
                .forEach(stage -> commandBus.registerHandlerInterceptor(stage.interceptor()));
    }

    private static <E extends Enum<E>> void requireDistinct(List<E> positions, Set<E> seen) {
        for (E position : positions) {
            if (!seen.add(position)) {
                throw new IllegalStateException("two command pipeline stages claim the place " + position);
            }
        }
    }
}
