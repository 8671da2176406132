package se.malspar.query.programme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict's own events, read from the event store itself ({@code domain_event_entry}, as the audit trail is):
 * what triggered each verdict (revision 2 of {@code FulfilmentComputed} names it) and the events its inputs came
 * from (named by sequence number in the indicator's stream). Both are facts of the record, never of a read model
 * that could lag; a revisor recomputes the verdict from the inputs and checks them against these events.
 */
@Component
class VerdictEvents {

    /** Exact numbers, as stored (see {@code AuditTrailQueries}). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String VERDICT_TYPE = "se.malspar.kernel.fulfilment.FulfilmentComputed";
    private static final List<String> ROLES = List.of("definition", "ambitionLevel", "ambitionCorrection",
            "targetValue", "previous", "observation");

    private final JdbcClient jdbc;

    VerdictEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The trigger each computed verdict names, by the verdict's event id; verdicts without one are left out. */
    Map<String, JsonNode> triggers(Collection<String> verdictEventIds) {
        if (verdictEventIds.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> triggers = new HashMap<>();
        jdbc.sql("""
                        select event_identifier, payload from domain_event_entry
                         where event_identifier in (:ids) and payload_type = :type and payload_revision <> '1'""")
                .param("ids", verdictEventIds).param("type", VERDICT_TYPE)
                .query((rs, n) -> Map.entry(rs.getString(1), json(rs.getBytes(2)).path("trigger")))
                .list().stream().filter(e -> e.getValue().isObject())
                .forEach(e -> triggers.put(e.getKey(), e.getValue()));
        return triggers;
    }

    /** The events a verdict's inputs name in their {@code sources}, in the order of {@link #ROLES}. */
    List<IndicatorFulfilment.SourceEvent> sources(String indicatorId, JsonNode inputs) {
        JsonNode named = inputs == null ? null : inputs.path("sources");
        Map<Long, List<String>> rolesBySequence = new LinkedHashMap<>();
        if (named != null) {
            for (String role : ROLES) {
                if (named.path(role).canConvertToLong()) {
                    rolesBySequence.computeIfAbsent(named.path(role).asLong(), s -> new ArrayList<>()).add(role);
                }
            }
        }
        if (rolesBySequence.isEmpty()) {
            return List.of();
        }
        List<IndicatorFulfilment.SourceEvent> events = new ArrayList<>();
        jdbc.sql("""
                        select sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload
                          from domain_event_entry
                         where aggregate_identifier = :id and sequence_number in (:sequences)
                         order by sequence_number""")
                .param("id", indicatorId).param("sequences", rolesBySequence.keySet())
                .query((rs, n) -> {
                    long sequence = rs.getLong(1);
                    for (String role : rolesBySequence.get(sequence)) {
                        events.add(new IndicatorFulfilment.SourceEvent(role, sequence, rs.getString(2), rs.getString(3),
                                rs.getString(4), Instant.parse(rs.getString(5)), json(rs.getBytes(6))));
                    }
                    return sequence;
                })
                .list();
        return events;
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }
}
