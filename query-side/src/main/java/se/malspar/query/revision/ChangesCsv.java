package se.malspar.query.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A decision's changes as CSV (RFC 4180), formula-safe as OWASP's "CSV Injection" page says: a
 * cell that begins with =, +, -, @, tab or carriage return gets a leading apostrophe, and every
 * cell is quoted with its quotes doubled, so a spreadsheet shows the text and runs nothing.
 */
final class ChangesCsv {

    private static final String HEADER = String.join(",", "sequence", "event", "entityKind", "entityId", "entityName",
            "before", "after", "effectiveFrom", "recordedAt", "recordedBy", "correctedAt", "covered", "coveredBy",
            // Last, so the columns before keep their places: the entity kind in Swedish (SwedishLabels).
            "entityKindSv");

    private ChangesCsv() {
    }

    static String write(List<AuditPack.ChangeRow> rows, ObjectMapper json) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AuditPack.ChangeRow row : rows) {
            var c = row.change();
            out.append(Stream.of(String.valueOf(c.sequence()), c.event(), c.entityKind(), c.entityId(), c.entityName(),
                            text(c.before(), json), text(c.after(), json), str(c.effectiveFrom()), str(c.recordedAt()),
                            c.recordedBy(), str(c.correctedAt()), String.valueOf(row.covered()),
                            row.coveredBy().stream().map(Object::toString).collect(Collectors.joining(" ")),
                            se.malspar.kernel.common.SwedishLabels.of("EntityKind", c.entityKind()))
                    .map(ChangesCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String text(JsonNode node, ObjectMapper json) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return json.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
