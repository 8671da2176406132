package se.malspar.command.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.platform.pipeline.CommandPipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Makes a keyed request happen at most once: the key is stored in the transaction that stores
 * the command's events, so a retry after a timeout finds it and gets the first answer again,
 * never a second event. The same key with another request is refused
 * ({@code IDEMPOTENCY_KEY_REUSED}). Keys are per user.
 */
@Configuration(proxyBeanMethods = false)
class IdempotentCommands {

    private static final ObjectMapper JSON = StoredAnswers.JSON;

    /** Answers stored before a class moved name it where it was. */
    private static final Map<String, String> MOVED = Map.of(
            "se.malspar.command.admin.Accepted", "se.malspar.command.programme.Accepted");

    private final JdbcClient jdbc;

    IdempotentCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Its place in the command pipeline: {@link CommandPipeline}. */
    @Bean
    CommandPipeline.HandlerStage idempotencyStage() {
        return new CommandPipeline.HandlerStage(CommandPipeline.Handling.IDEMPOTENCY, this::handle);
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(AdminCommands.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        Object user = command.getMetaData().get("userId");
        String userId = user == null ? "" : user.toString();
        String hash = hash(command);
        // Waits for a concurrent request with the same key to commit or roll back.
        int inserted = jdbc.sql("""
                        insert into idempotency_record (user_id, idempotency_key, request_hash)
                        values (:user, :key, :hash) on conflict do nothing""")
                .param("user", userId).param("key", key.toString()).param("hash", hash)
                .update();
        if (inserted == 0) {
            return earlierResult(userId, key.toString(), hash);
        }
        Object result = chain.proceed();
        jdbc.sql("""
                        update idempotency_record set result_type = :type, result_json = :json
                         where user_id = :user and idempotency_key = :key""")
                .param("type", result == null ? null : result.getClass().getName())
                .param("json", result == null ? null : JSON.writeValueAsString(result))
                .param("user", userId).param("key", key.toString())
                .update();
        return result;
    }

    private Object earlierResult(String userId, String key, String hash) throws Exception {
        var earlier = jdbc.sql("""
                        select request_hash, result_type, result_json from idempotency_record
                         where user_id = :user and idempotency_key = :key""")
                .param("user", userId).param("key", key)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        if (!earlier[0].equals(hash)) {
            throw new RuleViolationException(Refusal.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key + "' was already used for another request");
        }
        if (earlier[1] == null || !earlier[1].startsWith("se.malspar.")) {
            return null;
        }
        return JSON.readValue(earlier[2], Class.forName(MOVED.getOrDefault(earlier[1], earlier[1])));
    }

    private static String hash(CommandMessage<?> command) throws JsonProcessingException, NoSuchAlgorithmException {
        String canonical = command.getCommandName() + "\n" + JSON.writeValueAsString(command.getPayload());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
