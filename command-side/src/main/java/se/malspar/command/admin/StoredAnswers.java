package se.malspar.command.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of answers kept under an Idempotency-Key ({@link IdempotentCommands},
 * {@link IdempotentRequests}). Not the web layer's mapper on purpose: that one refuses unknown
 * properties and checks input text, while a kept answer must stay readable after its type gains or
 * loses a field; and its requests are hashed from this JSON, so it must not change with web settings.
 */
final class StoredAnswers {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StoredAnswers() {
    }
}
