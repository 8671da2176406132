package se.malspar.command.admin;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API's side of a command: sends it with its {@code Idempotency-Key}, reads
 * {@code If-Match}, and answers with the entity's new version as {@code ETag}.
 */
@Component
public class AdminCommands {

    /** Metadata key under which a request's Idempotency-Key travels with its command and events. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The request header that carries it. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private final CommandGateway commands;

    AdminCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, String idempotencyKey) {
        return send(command, idempotencyKey, null);
    }

    /** With the write's {@code source}: kept as metadata of the command and of every event it causes. */
    public <R> R send(Object command, String idempotencyKey, SourceRequest source) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (source != null) {
            message = message.andMetaData(source.toSource().toMetaData());
        }
        if (idempotencyKey != null) {
            if (!KEY.matcher(idempotencyKey).matches()) {
                throw new InvalidFieldException(IDEMPOTENCY_KEY_HEADER, "must be 1 to 200 visible ASCII characters");
            }
            message = message.andMetaData(Map.of(IDEMPOTENCY_KEY, idempotencyKey));
        }
        return commands.sendAndWait(message);
    }

    /** The version in {@code If-Match} ("3", "\"3\"" or W/"3"); null when absent or "*". */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = ETAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InvalidFieldException("If-Match", "must be the ETag of the entity, e.g. \"3\"");
        }
        return Long.valueOf(m.group(1));
    }

    public static ResponseEntity<Accepted> created(Accepted accepted, String location) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(accepted)).body(accepted);
    }

    public static ResponseEntity<Accepted> ok(Accepted accepted) {
        return ResponseEntity.ok().eTag(etag(accepted)).body(accepted);
    }

    /** The {@code decision} field: a citation or a decision id. */
    public static DecisionId decision(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidFieldException("decision", "a decision (citation or id) is required");
        }
        return Fields.parse(reference, "decision", DecisionId::fromReference);
    }

    private static String etag(Accepted accepted) {
        return "\"" + accepted.version() + "\"";
    }
}
