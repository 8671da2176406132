package se.malspar.query.delmalcount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.FindDelmalCountChanges;
import se.malspar.kernel.programme.structure.FindStatedDelmalCounts;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.programme.DecisionChange;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The delmål-count read model (table {@code goal_delmal_count}): one row per stated count, keyed
 * by its event's id (idempotent), emptied on reset (replayable).
 */
@Component
@ProcessingGroup(DelmalCountProjection.GROUP)
class DelmalCountProjection {

    static final String GROUP = StatedDelmalCount.READ_MODEL;

    private final JdbcClient jdbc;
    private final ReadModelPositions positions;

    private final ObjectMapper json;

    DelmalCountProjection(JdbcClient jdbc, ReadModelPositions positions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.json = json;
    }

    @EventHandler
    void on(DelmalCountStated e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        Map<String, Object> provenance = Provenance.view(message.getMetaData());
        try {
            jdbc.sql("""
                            insert into goal_delmal_count (event_id, programme_id, goal_id, stated, decision_id, citation,
                                   effective_from, precision, recorded_at, provenance, sequence, recorded_by)
                            values (:id, :p, :g, :n, :d, :c, :f, :precision, :at, cast(:prov as jsonb), :seq, :by)
                            on conflict (event_id) do nothing""")
                    .param("id", message.getIdentifier()).param("p", e.programmeId().value()).param("g", e.goalId().value())
                    .param("n", e.count()).param("d", e.decision().decisionId().value()).param("c", e.decision().citation())
                    .param("f", e.effectiveFrom()).param("precision", e.effectiveFromPrecision().name())
                    .param("at", java.sql.Timestamp.from(recordedAt))
                    .param("prov", provenance == null ? null : json.writeValueAsString(provenance))
                    .param("seq", token.position().orElseThrow(() -> new IllegalStateException("event without a global position")))
                    .param("by", user).update();
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
        token.position().ifPresent(position -> positions.advance(GROUP, position));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from goal_delmal_count").update();
        positions.reset(GROUP);
    }

    /** A decision's changes: the delmål counts it stated. */
    @QueryHandler
    List<DecisionChange> handle(FindDelmalCountChanges query) {
        return jdbc.sql("select * from goal_delmal_count where decision_id = :d order by sequence")
                .param("d", query.decisionId().value())
                .query((rs, n) -> {
                    String provenance = rs.getString("provenance");
                    try {
                        return new DecisionChange(rs.getLong("sequence"), "DelmalCountStated", "GOAL", rs.getString("goal_id"),
                                null, rs.getString("programme_id"), null,
                                json.createObjectNode().put("delmalStated", rs.getInt("stated")),
                                rs.getObject("effective_from", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                                rs.getString("recorded_by"), null, provenance == null ? null : json.readTree(provenance));
                    } catch (JsonProcessingException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }).list();
    }

    @QueryHandler
    List<StatedDelmalCount> handle(FindStatedDelmalCounts query) {
        return jdbc.sql("select * from goal_delmal_count where programme_id = :p order by effective_from, recorded_at")
                .param("p", query.programmeId().value())
                .query((rs, n) -> {
                    LocalDate from = rs.getObject("effective_from", LocalDate.class);
                    String precision = rs.getString("precision");
                    String provenance = rs.getString("provenance");
                    try {
                        return new StatedDelmalCount(rs.getString("goal_id"), rs.getInt("stated"), from,
                                StatedDelmalCount.written(from, precision), precision,
                                new DecisionReference(new DecisionId(rs.getString("decision_id")), rs.getString("citation")),
                                rs.getTimestamp("recorded_at").toInstant(),
                                provenance == null ? null : json.readTree(provenance));
                    } catch (JsonProcessingException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }).list();
    }
}
