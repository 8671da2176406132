package se.malspar.query.period;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.measurement.FindPeriodChanges;
import se.malspar.kernel.programme.measurement.FindPeriodStates;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodReopened;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.programme.DecisionChange;

import java.time.Instant;
import java.util.List;

/**
 * The follow-up periods' states ({@code follow_up_period_change}): every closing and reopening as
 * recorded, keyed by the period's own event sequence, so a replay writes the same rows and the
 * state as known at any instant is the latest row recorded by then.
 */
@Component
@ProcessingGroup(PeriodStateProjection.GROUP)
class PeriodStateProjection {

    static final String GROUP = PeriodState.READ_MODEL;

    private final JdbcClient jdbc;
    private final ReadModelPositions positions;

    PeriodStateProjection(JdbcClient jdbc, ReadModelPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(PeriodClosed e, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user, TrackingToken token) {
        insert(e.periodId().period(), sequence, position(token), PeriodState.State.CLOSED, e.decision(), null, recordedAt,
                user);
    }

    @EventHandler
    void on(PeriodReopened e, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user, TrackingToken token) {
        insert(e.periodId().period(), sequence, position(token), PeriodState.State.OPEN, e.decision(), e.reason(),
                recordedAt, user);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }

    private void insert(String period, long sequence, long globalIndex, PeriodState.State state,
                        DecisionReference decision, String reason, Instant recordedAt, String user) {
        jdbc.sql("""
                        insert into follow_up_period_change (period, sequence, state, decision_id, citation, reason,
                               global_index, recorded_at, recorded_by)
                        values (:period, :sequence, :state, :decision, :citation, :reason, :globalIndex, :at, :by)
                        on conflict (period, sequence) do nothing""")
                .param("period", period).param("sequence", sequence).param("state", state.name())
                .param("globalIndex", globalIndex)
                .param("decision", decision.decisionId().value()).param("citation", decision.citation())
                .param("reason", reason).param("at", java.sql.Timestamp.from(recordedAt)).param("by", user).update();
        positions.advance(GROUP, globalIndex);
    }

    /** A decision's changes: the periods it closed or reopened (the reason of a reopening as {@code after.reason}). */
    @QueryHandler
    List<DecisionChange> handle(FindPeriodChanges query) {
        return jdbc.sql("select * from follow_up_period_change where decision_id = :d order by global_index")
                .param("d", query.decisionId().value())
                .query((rs, n) -> {
                    boolean closed = "CLOSED".equals(rs.getString("state"));
                    ObjectNode after = JsonNodeFactory.instance.objectNode().put("state", rs.getString("state"));
                    if (rs.getString("reason") != null) {
                        after.put("reason", rs.getString("reason"));
                    }
                    return new DecisionChange(rs.getLong("global_index"), closed ? "PeriodClosed" : "PeriodReopened",
                            "PERIOD", rs.getString("period"), rs.getString("period"), null,
                            JsonNodeFactory.instance.objectNode().put("state", closed ? "OPEN" : "CLOSED"), after, null,
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), null, null);
                }).list();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from follow_up_period_change").update();
        positions.reset(GROUP);
    }

    @QueryHandler
    List<PeriodState> handle(FindPeriodStates query) {
        return jdbc.sql("""
                        select distinct on (period) period, state, decision_id, citation, reason, recorded_at, recorded_by
                          from follow_up_period_change where recorded_at <= :knownAt
                         order by period, sequence desc""")
                .param("knownAt", java.sql.Timestamp.from(query.knownAt()))
                .query((rs, n) -> new PeriodState(rs.getString("period"), PeriodState.State.valueOf(rs.getString("state")),
                        new DecisionReference(new DecisionId(rs.getString("decision_id")), rs.getString("citation")),
                        rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }
}
