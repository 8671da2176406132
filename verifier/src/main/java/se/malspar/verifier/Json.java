package se.malspar.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strict reading of the spec's JSON fields: every missing or malformed field fails with the file and
 * field named, so a revisor sees what is wrong instead of a stack trace.
 */
final class Json {

    /** Duplicate keys or trailing content could make two readers see different values: both are refused. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");

    private Json() {
    }

    static JsonNode parse(byte[] content, String source) {
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node == null || node.isMissingNode()) {
                throw new VerificationException(source + " är tom");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new VerificationException(source + " är inte giltig JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new VerificationException(source + " kan inte läsas: " + e.getMessage(), e);
        }
    }

    static JsonNode object(JsonNode node, String source) {
        if (!node.isObject()) {
            throw new VerificationException(source + " ska vara ett JSON-objekt");
        }
        return node;
    }

    static List<JsonNode> array(JsonNode node, String source) {
        if (!node.isArray()) {
            throw new VerificationException(source + " ska vara en JSON-lista");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    static long number(JsonNode object, String field, String source) {
        JsonNode v = object.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new VerificationException(source + ": fältet " + field + " ska vara ett icke-negativt heltal");
        }
        return v.asLong();
    }

    static String text(JsonNode object, String field, String source) {
        JsonNode v = object.get(field);
        if (v == null || !v.isTextual()) {
            throw new VerificationException(source + ": fältet " + field + " ska vara en text");
        }
        return v.textValue();
    }

    /** A field that may be JSON null (a NULL column) but must be present. */
    static String nullableText(JsonNode object, String field, String source) {
        JsonNode v = object.get(field);
        if (v != null && v.isNull()) {
            return null;
        }
        return text(object, field, source);
    }

    static byte[] base64(JsonNode object, String field, String source) {
        try {
            return Base64.getDecoder().decode(text(object, field, source));
        } catch (IllegalArgumentException e) {
            throw new VerificationException(source + ": fältet " + field + " är inte giltig base64");
        }
    }

    static byte[] nullableBase64(JsonNode object, String field, String source) {
        JsonNode v = object.get(field);
        return v != null && v.isNull() ? null : base64(object, field, source);
    }

    /** A SHA-256 hash written as 64 lowercase hex digits. */
    static byte[] hash(JsonNode object, String field, String source) {
        return hash(text(object, field, source), source + ": fältet " + field);
    }

    static List<byte[]> hashes(JsonNode object, String field, String source) {
        JsonNode v = object.get(field);
        if (v == null || !v.isArray()) {
            throw new VerificationException(source + ": fältet " + field + " ska vara en lista av hashar");
        }
        List<byte[]> result = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new VerificationException(source + ": fältet " + field + " ska bara innehålla hashar som text");
            }
            result.add(hash(item.textValue(), source + ": fältet " + field));
        }
        return result;
    }

    private static byte[] hash(String hex, String where) {
        if (!HASH_HEX.matcher(hex).matches()) {
            throw new VerificationException(where + " ska vara 64 hexadecimala gemener (SHA-256)");
        }
        return HexFormat.of().parseHex(hex);
    }
}
