package se.malspar.command.admin;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;

import java.util.Map;

/**
 * The admin API's side of a command: sends it with its {@code Idempotency-Key} (read from the
 * request as {@link AdminHeaders}) and returns the command's answer.
 */
@Component
public class AdminCommands {

    /** Metadata key under which a request's Idempotency-Key travels with its command and events. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final CommandGateway commands;

    AdminCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, AdminHeaders headers) {
        return send(command, headers, null);
    }

    /** With the write's {@code source}: kept as metadata of the command and of every event it causes. */
    public <R> R send(Object command, AdminHeaders headers, SourceRequest source) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (source != null) {
            message = message.andMetaData(source.toSource().toMetaData());
        }
        if (headers.idempotencyKey() != null) {
            message = message.andMetaData(Map.of(IDEMPOTENCY_KEY, headers.idempotencyKey()));
        }
        return commands.sendAndWait(message);
    }

    /** The {@code decision} field: a citation or a decision id. */
    public static DecisionId decision(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidFieldException("decision", "a decision (citation or id) is required");
        }
        return Fields.parse(reference, "decision", DecisionId::fromReference);
    }
}
