package se.malspar.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.audit.FindAuditEvents;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail is a read of the event store itself ({@code domain_event_entry}), not a
 * projection: nothing to rebuild, nothing that can lag or disagree with the events. The events
 * are always in PostgreSQL, also with the {@code axonserver} profile (which refuses to keep them
 * in Axon Server).
 */
@Component
class AuditTrailQueries {

    /**
     * Stored events are plain JSON; read them as they are, with no application-specific settings,
     * and every number exactly as written: decimals as BigDecimal with their scale kept (a double
     * would serve 1E+400 as Infinity, 1E-400 as 0.0 and round past ~17 digits), integers of any size.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JdbcClient jdbc;

    AuditTrailQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditTrail handle(FindAuditEvents query) {
        if (query.filtered()) {
            return filtered(query);
        }
        List<AuditTrail.Event> rows = jdbc.sql("""
                        select global_index, event_identifier, type, aggregate_identifier, sequence_number,
                               time_stamp, payload_type, payload_revision, payload, meta_data
                          from domain_event_entry
                         where global_index > :after
                         order by global_index
                         limit :limit""")
                .param("after", query.afterSequence())
                .param("limit", query.limit() + 1)
                .query((rs, n) -> event(rs))
                .list();
        List<AuditTrail.Event> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.limit())));
        boolean more = rows.size() > query.limit();

        // global_index comes from a sequence: a transaction still in flight may hold a lower number
        // than an event already committed. Paging past such a gap would lose that event for a
        // client that continues from nextAfterSequence, so while another transaction is writing,
        // the page ends before the first gap. A gap left by a rolled-back write passes as soon as
        // no other write is open.
        int gap = firstGap(query.afterSequence(), page);
        if (gap >= 0 && anotherWriteInFlight()) {
            page = new ArrayList<>(page.subList(0, gap));
            more = !page.isEmpty();
        }
        return new AuditTrail(page, more ? page.get(page.size() - 1).sequence() : null);
    }

    /**
     * The events of one aggregate, user or decision. A filtered page has gaps by nature, so the
     * in-flight protection is a horizon instead: while another transaction writes, nothing at or
     * after the first gap of the whole trail is returned.
     */
    private AuditTrail filtered(FindAuditEvents query) {
        Long horizon = anotherWriteInFlight() ? firstGapAfter(query.afterSequence()) : null;
        List<AuditTrail.Event> rows = jdbc.sql("""
                        select global_index, event_identifier, type, aggregate_identifier, sequence_number,
                               time_stamp, payload_type, payload_revision, payload, meta_data
                          from domain_event_entry
                         where global_index > :after
                           and (cast(:horizon as bigint) is null or global_index < :horizon)
                           and (cast(:aggregate as text) is null or aggregate_identifier = :aggregate)
                           and (cast(:user as text) is null
                                or convert_from(meta_data, 'UTF8')::jsonb ->> 'userId' = :user)
                           and (cast(:decision as text) is null or aggregate_identifier = :decision
                                or convert_from(payload, 'UTF8')::jsonb -> 'decision' ->> 'decisionId' = :decision
                                or convert_from(payload, 'UTF8')::jsonb -> 'corrects' ->> 'decisionId' = :decision)
                         order by global_index
                         limit :limit""")
                .param("after", query.afterSequence())
                .param("horizon", horizon)
                .param("aggregate", query.aggregateId())
                .param("user", query.userId())
                .param("decision", query.decisionId())
                .param("limit", query.limit() + 1)
                .query((rs, n) -> event(rs))
                .list();
        List<AuditTrail.Event> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.limit())));
        boolean more = rows.size() > query.limit();
        return new AuditTrail(page, more ? page.get(page.size() - 1).sequence() : null);
    }

    /** The first global index after {@code afterSequence} that does not follow its predecessor, or null. */
    private Long firstGapAfter(long afterSequence) {
        return jdbc.sql("""
                        select global_index from (
                               select global_index, coalesce(lag(global_index) over (order by global_index), :after) as previous
                                 from domain_event_entry where global_index > :after) t
                         where global_index <> previous + 1
                         order by global_index limit 1""")
                .param("after", afterSequence)
                .query(Long.class).optional().orElse(null);
    }

    /** The index in {@code page} of the first event that does not follow its predecessor directly, or -1. */
    static int firstGap(long afterSequence, List<AuditTrail.Event> page) {
        // Sequence numbers start at 1: an empty store continues from 0 without a gap.
        long expected = afterSequence + 1;
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).sequence() != expected) {
                return i;
            }
            expected++;
        }
        return -1;
    }

    private boolean anotherWriteInFlight() {
        // A transaction has an xid once it writes. Sessions of other database users may be hidden
        // here (pg_stat_activity); the command side and query side share one user by default.
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from pg_stat_activity
                                        where pid <> pg_backend_pid() and datname = current_database()
                                          and backend_xid is not null)""")
                .query(Boolean.class).single());
    }

    private static AuditTrail.Event event(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        JsonNode payload = json(rs.getBytes("payload"));
        String aggregateType = rs.getString("type");
        return new AuditTrail.Event(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1).replace('$', '.'),
                payloadType,
                rs.getString("payload_revision"),
                new AuditTrail.Aggregate(aggregateType, rs.getString("aggregate_identifier"), rs.getLong("sequence_number")),
                payload,
                json(rs.getBytes("meta_data")),
                decision(payload),
                Instant.parse(rs.getString("time_stamp")));
    }

    /** The decision an event names: its {@code decision}, or for a correction the entry it {@code corrects}. */
    static AuditTrail.Decision decision(JsonNode payload) {
        for (String field : List.of("decision", "corrects")) {
            JsonNode reference = payload == null ? null : payload.get(field);
            if (reference != null && reference.isObject() && reference.hasNonNull("decisionId")) {
                return new AuditTrail.Decision(reference.get("decisionId").asText(),
                        reference.hasNonNull("citation") ? reference.get("citation").asText() : null);
            }
        }
        return null;
    }

    private static JsonNode json(byte[] stored) {
        if (stored == null) {
            return null;
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Not JSON (an older serializer): shown as the stored text rather than hidden.
            return TextNode.valueOf(text);
        }
    }
}
