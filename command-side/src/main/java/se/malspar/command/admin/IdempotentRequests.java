package se.malspar.command.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for a write that sends several commands, such as an import: the whole
 * answer is kept under the key (in the table {@link IdempotentCommands} uses, so one key is one
 * request whatever kind), and a retry with the same request gets it again without running the
 * work; the same key with another request is refused (422 {@code IDEMPOTENCY_KEY_REUSED}). The
 * work itself must be safe to repeat (an import records a figure already recorded as unchanged),
 * since a crash between the work and storing its answer leaves no key.
 */
@Component
public class IdempotentRequests {

    private static final ObjectMapper JSON = StoredAnswers.JSON;

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The answer of {@code work}, run at most once per user and key; {@code request} identifies the
     * request. The key is one {@link AdminHeaders} has checked.
     */
    public <T> T once(String key, String request, Class<T> type, Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String user = caller == null ? "" : caller.getName();
        String hash = sha256(request);
        Optional<T> earlier = earlier(user, key, hash, type);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        T result = work.get();
        int stored = jdbc.sql("""
                        insert into idempotency_record (user_id, idempotency_key, request_hash, result_type, result_json)
                        values (:user, :key, :hash, :type, :json) on conflict do nothing""")
                .param("user", user).param("key", key).param("hash", hash)
                .param("type", type.getName()).param("json", write(result))
                .update();
        // A concurrent retry stored its answer first: both did the same, the first answer stands.
        return stored == 1 ? result : earlier(user, key, hash, type).orElse(result);
    }

    private <T> Optional<T> earlier(String user, String key, String hash, Class<T> type) {
        return jdbc.sql("select request_hash, result_type, result_json from idempotency_record"
                        + " where user_id = :user and idempotency_key = :key")
                .param("user", user).param("key", key)
                .query((rs, n) -> {
                    if (!hash.equals(rs.getString(1)) || !type.getName().equals(rs.getString(2))) {
                        throw new RuleViolationException(Refusal.IDEMPOTENCY_KEY_REUSED,
                                "Idempotency-Key '" + key + "' was already used for another request");
                    }
                    return read(rs.getString(3), type);
                })
                .optional();
    }

    private static String write(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
