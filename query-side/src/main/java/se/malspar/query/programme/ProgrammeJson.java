package se.malspar.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;

/** The JSON the programme's answers carry (values, sources, inputs), with figures kept exactly as decided. */
final class ProgrammeJson {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Figures stay exactly as decided: 49.0 is not silently turned into 49.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ProgrammeJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The value as a tree (a JSON null for null). */
    static JsonNode tree(Object value) {
        JsonNode node = JSON.valueToTree(value);
        return node == null ? JSON.getNodeFactory().nullNode() : node;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
