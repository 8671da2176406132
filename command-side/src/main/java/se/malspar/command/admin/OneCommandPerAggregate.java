package se.malspar.command.admin;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.database.AdvisoryLocks;
import se.malspar.platform.pipeline.CommandPipeline;

/**
 * Commands on one aggregate run one at a time across every command-side process: each takes a
 * PostgreSQL advisory lock on its aggregate for the length of its transaction (Axon's own lock
 * serialises them only within one process). Without it, two processes could load the same
 * version and the second append would be refused by the store's unique (aggregate, sequence) key:
 * a refusal caused only by the other process. Waiting for the lock is what the single process did
 * too (Axon's pessimistic lock).
 */
@Configuration(proxyBeanMethods = false)
class OneCommandPerAggregate {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final JdbcClient jdbc;

    OneCommandPerAggregate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Its place in the command pipeline: {@link CommandPipeline}. */
    @Bean
    CommandPipeline.HandlerStage aggregateLockStage() {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.AGGREGATE_LOCK, (unitOfWork, chain) -> {
            String aggregateId = target(unitOfWork.getMessage());
            if (aggregateId != null) {
                // Inside the command's transaction (Axon attaches it before the pipeline runs),
                // so PostgreSQL releases it at commit or rollback, also if this process dies.
                jdbc.sql("select pg_advisory_xact_lock(:class, hashtext(:id))")
                        .param("class", AdvisoryLocks.AGGREGATE_CLASS).param("id", aggregateId)
                        .query((rs, n) -> 1).list();
            }
            return chain.proceed();
        });
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
