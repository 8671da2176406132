package se.malspar.command.kolada;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a Kolada v3 {@code /data} response:
 * {@code {"count": n, "values": [{"kpi", "municipality", "period", "values": [{"gender", "count",
 * "status", "value", "isdeleted"}]}], "next_url": null}}.
 * <p>
 * Strict, because what it reads becomes evidence: a document of another shape, a missing or
 * mistyped field, or the same figure twice is refused with the path of the first problem, and
 * nothing is guessed. Figures are kept exactly (BigDecimal, scale as written). Fields Kolada may
 * add inside an entry are ignored; at the top level only Kolada's own fields are accepted, so a
 * file of some other format is never half-read as this one.
 */
final class KoladaParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("count", "values", "next_url", "previous_url");
    private static final Set<String> GENDERS = Set.of("T", "K", "M");
    private static final int MAX_ID_LENGTH = 50;

    private KoladaParser() {
    }

    static KoladaData parse(byte[] document) {
        if (document == null || document.length == 0) {
            throw new MalformedKoladaException("body", "the document is empty; expected a Kolada v3 /data response");
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new MalformedKoladaException("body", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new MalformedKoladaException("body", "could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedKoladaException("body", "the document is empty; expected a Kolada v3 /data response");
        }
        if (!root.isObject()) {
            throw new MalformedKoladaException("body", "expected a Kolada v3 /data response (an object with "
                    + "'values'), got " + kind(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new MalformedKoladaException(name, "unknown top-level field; a Kolada v3 /data response has "
                        + "only count, values and next_url");
            }
        }
        JsonNode count = root.get("count");
        if (count != null && !count.isNull() && !count.isIntegralNumber()) {
            throw new MalformedKoladaException("count", "must be an integer, got " + kind(count));
        }
        String nextUrl = optionalText(root, "next_url", "next_url");
        optionalText(root, "previous_url", "previous_url");
        JsonNode entries = root.get("values");
        if (entries == null || entries.isNull()) {
            throw new MalformedKoladaException("values", "is missing; a Kolada v3 /data response lists its figures "
                    + "in 'values'");
        }
        if (!entries.isArray()) {
            throw new MalformedKoladaException("values", "must be an array, got " + kind(entries));
        }
        List<KoladaValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "values[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw new MalformedKoladaException(at, "must be an object, got " + kind(entry));
            }
            String kpi = requiredId(entry, "kpi", at);
            String municipality = requiredId(entry, "municipality", at);
            int year = year(entry, at);
            JsonNode figures = entry.get("values");
            if (figures == null || figures.isNull()) {
                throw new MalformedKoladaException(at + ".values", "is missing");
            }
            if (!figures.isArray()) {
                throw new MalformedKoladaException(at + ".values", "must be an array, got " + kind(figures));
            }
            for (int j = 0; j < figures.size(); j++) {
                String figureAt = at + ".values[" + j + "]";
                KoladaValue value = figure(figures.get(j), figureAt, kpi, municipality, year);
                if (!seen.add(kpi + "|" + municipality + "|" + year + "|" + value.gender())) {
                    throw new MalformedKoladaException(figureAt, "a second figure for kpi " + kpi + ", municipality "
                            + municipality + ", period " + year + ", gender " + value.gender()
                            + "; the document is ambiguous");
                }
                values.add(value);
            }
        }
        return new KoladaData(values, nextUrl);
    }

    private static KoladaValue figure(JsonNode node, String at, String kpi, String municipality, int year) {
        if (!node.isObject()) {
            throw new MalformedKoladaException(at, "must be an object, got " + kind(node));
        }
        JsonNode gender = node.get("gender");
        if (gender == null || gender.isNull()) {
            throw new MalformedKoladaException(at + ".gender", "is missing");
        }
        if (!gender.isTextual() || !GENDERS.contains(gender.textValue())) {
            throw new MalformedKoladaException(at + ".gender", "must be \"T\", \"K\" or \"M\", got " + shown(gender));
        }
        JsonNode value = node.get("value");
        if (value != null && !value.isNull() && !value.isNumber()) {
            throw new MalformedKoladaException(at + ".value", "must be a number or null, got " + kind(value));
        }
        String status = optionalText(node, "status", at + ".status");
        JsonNode count = node.get("count");
        if (count != null && !count.isNull() && !count.isIntegralNumber()) {
            throw new MalformedKoladaException(at + ".count", "must be an integer, got " + kind(count));
        }
        JsonNode deleted = node.get("isdeleted");
        if (deleted != null && !deleted.isNull() && !deleted.isBoolean()) {
            throw new MalformedKoladaException(at + ".isdeleted", "must be true or false, got " + kind(deleted));
        }
        return new KoladaValue(kpi, municipality, year, gender.textValue(),
                value == null || value.isNull() ? null : value.decimalValue(), status,
                deleted != null && deleted.asBoolean(false));
    }

    private static String requiredId(JsonNode entry, String field, String at) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedKoladaException(at + "." + field, "is missing");
        }
        if (!node.isTextual()) {
            throw new MalformedKoladaException(at + "." + field, "must be a string, got " + kind(node));
        }
        String id = node.textValue().strip();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new MalformedKoladaException(at + "." + field, "must be a Kolada id (1 to " + MAX_ID_LENGTH
                    + " visible ASCII characters), got " + shown(node));
        }
        return id;
    }

    private static int year(JsonNode entry, String at) {
        JsonNode node = entry.get("period");
        if (node == null || node.isNull()) {
            throw new MalformedKoladaException(at + ".period", "is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1900 || node.intValue() > 2100) {
            throw new MalformedKoladaException(at + ".period", "must be a year (an integer such as 2021), got "
                    + shown(node));
        }
        return node.intValue();
    }

    private static String optionalText(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedKoladaException(at, "must be a string or null, got " + kind(node));
        }
        return node.textValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string (" + shown(node) + ")";
            case NUMBER -> "a number (" + node.asText() + ")";
            case BOOLEAN -> "a boolean (" + node.asText() + ")";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    /** The offending value, short enough for a message. */
    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
