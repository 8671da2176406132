package se.malspar.platform.pipeline;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandPipelineTest {

    @Test
    void stagesRunInThePipelinesOrderWhateverOrderTheBeansCameIn() {
        List<String> ran = new ArrayList<>();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            ran.add("handler");
            return "done";
        });
        List<CommandPipeline.HandlerStage> shuffled = List.of(
                stage(CommandPipeline.Handling.IDEMPOTENCY, ran),
                stage(CommandPipeline.Handling.LOG_CONTEXT, ran),
                stage(CommandPipeline.Handling.REQUIRE_USER, ran),
                stage(CommandPipeline.Handling.METRICS, ran));
        List<CommandPipeline.DispatchStage> dispatch = List.of(
                new CommandPipeline.DispatchStage(CommandPipeline.Dispatch.TRACE_ID, messages -> (i, m) -> {
                    ran.add("TRACE_ID");
                    return m;
                }),
                new CommandPipeline.DispatchStage(CommandPipeline.Dispatch.CALLER, messages -> (i, m) -> {
                    ran.add("CALLER");
                    return m;
                }));

        new CommandPipeline().register(bus, dispatch, shuffled);
        bus.dispatch(GenericCommandMessage.asCommandMessage("a command"));

        assertThat(ran).containsExactly("CALLER", "TRACE_ID", "LOG_CONTEXT", "METRICS", "REQUIRE_USER", "IDEMPOTENCY",
                "handler");
    }

    @Test
    void twoStagesCannotClaimOnePlace() {
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> new CommandPipeline().register(SimpleCommandBus.builder().build(), List.of(),
                List.of(stage(CommandPipeline.Handling.METRICS, ran), stage(CommandPipeline.Handling.METRICS, ran))))
                .hasMessageContaining("METRICS");
    }

    private static CommandPipeline.HandlerStage stage(CommandPipeline.Handling position, List<String> ran) {
        MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
            ran.add(position.name());
            return chain.proceed();
        };
        return new CommandPipeline.HandlerStage(position, interceptor);
    }
}
