package se.malspar.query.ambitionreview;

import com.fasterxml.jackson.databind.JsonNode;
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
import se.malspar.kernel.programme.ambition.AmbitionReviewClosed;
import se.malspar.kernel.programme.ambition.AmbitionReviewOpened;
import se.malspar.kernel.programme.ambition.FindAmbitionReviewChanges;
import se.malspar.kernel.programme.ambition.FindAmbitionReviews;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.programme.DecisionChange;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ambition-review read model (table {@code ambition_review}): one row per review, opened by
 * its assignment, closed by the decision that ends it. Idempotent: a review is keyed by its
 * opening event's id; a closing fills the one open row of its programme. Replayable: reset empties it.
 */
@Component
@ProcessingGroup(AmbitionReviewProjection.GROUP)
class AmbitionReviewProjection {

    static final String GROUP = AmbitionReview.READ_MODEL;

    private final JdbcClient jdbc;
    private final ReadModelPositions positions;

    private final ObjectMapper json;

    AmbitionReviewProjection(JdbcClient jdbc, ReadModelPositions positions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.json = json;
    }

    @EventHandler
    void on(AmbitionReviewOpened e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        jdbc.sql("""
                        insert into ambition_review (review_id, programme_id, subject, opened_decision_id, opened_citation,
                               opened_from, opened_recorded_at, opened_recorded_by, opened_provenance, opened_sequence)
                        values (:id, :p, :s, :d, :c, :f, :at, :by, cast(:prov as jsonb), :seq)
                        on conflict (review_id) do nothing""")
                .param("id", message.getIdentifier()).param("p", e.programmeId().value()).param("s", e.subject())
                .param("d", e.decision().decisionId().value()).param("c", e.decision().citation())
                .param("f", e.effectiveFrom()).param("at", java.sql.Timestamp.from(recordedAt)).param("by", user)
                .param("prov", json(provenance(message))).param("seq", position(token)).update();
        positions.advance(GROUP, position(token));
    }

    @EventHandler
    void on(AmbitionReviewClosed e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        jdbc.sql("""
                        update ambition_review set closed_decision_id = :d, closed_citation = :c, closed_from = :f,
                               closed_outcome = :o, closed_recorded_at = :at, closed_recorded_by = :by,
                               closed_provenance = cast(:prov as jsonb), closed_sequence = :seq
                        where programme_id = :p and opened_decision_id = :opened and closed_decision_id is null""")
                .param("p", e.programmeId().value()).param("opened", e.openedBy().decisionId().value())
                .param("d", e.decision().decisionId().value()).param("c", e.decision().citation())
                .param("f", e.effectiveFrom()).param("o", e.outcome()).param("at", java.sql.Timestamp.from(recordedAt))
                .param("by", user).param("prov", json(provenance(message))).param("seq", position(token)).update();
        positions.advance(GROUP, position(token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from ambition_review").update();
        positions.reset(GROUP);
    }

    @QueryHandler
    List<AmbitionReview> handle(FindAmbitionReviews query) {
        return jdbc.sql("select * from ambition_review where programme_id = :p order by opened_from, opened_recorded_at")
                .param("p", query.programmeId().value()).query(this::review).list();
    }

    /** A decision's changes: the reviews it opened and those it closed. */
    @QueryHandler
    List<DecisionChange> handle(FindAmbitionReviewChanges query) {
        String decision = query.decisionId().value();
        List<DecisionChange> changes = new java.util.ArrayList<>();
        jdbc.sql("select * from ambition_review where opened_decision_id = :d or closed_decision_id = :d")
                .param("d", decision).query((rs, n) -> {
                    if (decision.equals(rs.getString("opened_decision_id"))) {
                        changes.add(new DecisionChange(rs.getLong("opened_sequence"), "AmbitionReviewOpened", "PROGRAMME",
                                rs.getString("programme_id"), null, null, null,
                                json.createObjectNode().put("status", AmbitionReview.UNDER_REVIEW)
                                        .put("subject", rs.getString("subject")),
                                rs.getObject("opened_from", java.time.LocalDate.class),
                                rs.getTimestamp("opened_recorded_at").toInstant(), rs.getString("opened_recorded_by"), null,
                                read(rs.getString("opened_provenance"))));
                    }
                    if (decision.equals(rs.getString("closed_decision_id"))) {
                        changes.add(new DecisionChange(rs.getLong("closed_sequence"), "AmbitionReviewClosed", "PROGRAMME",
                                rs.getString("programme_id"), null, null,
                                json.createObjectNode().put("status", AmbitionReview.UNDER_REVIEW)
                                        .put("subject", rs.getString("subject")),
                                json.createObjectNode().put("status", AmbitionReview.CLOSED)
                                        .put("outcome", rs.getString("closed_outcome")),
                                rs.getObject("closed_from", java.time.LocalDate.class),
                                rs.getTimestamp("closed_recorded_at").toInstant(), rs.getString("closed_recorded_by"), null,
                                read(rs.getString("closed_provenance"))));
                    }
                    return n;
                }).list();
        return changes;
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }

    private AmbitionReview review(ResultSet rs, int row) throws SQLException {
        String closedBy = rs.getString("closed_decision_id");
        return new AmbitionReview(closedBy == null ? AmbitionReview.UNDER_REVIEW : AmbitionReview.CLOSED,
                rs.getString("subject"), rs.getObject("opened_from", java.time.LocalDate.class),
                new DecisionReference(new DecisionId(rs.getString("opened_decision_id")), rs.getString("opened_citation")),
                rs.getTimestamp("opened_recorded_at").toInstant(), rs.getString("opened_recorded_by"),
                read(rs.getString("opened_provenance")), rs.getObject("closed_from", java.time.LocalDate.class),
                closedBy == null ? null : new DecisionReference(new DecisionId(closedBy), rs.getString("closed_citation")),
                rs.getString("closed_outcome"),
                rs.getTimestamp("closed_recorded_at") == null ? null : rs.getTimestamp("closed_recorded_at").toInstant(),
                read(rs.getString("closed_provenance")));
    }

    /** The event's provenance metadata, shaped as every read shows it; null when none. */
    JsonNode provenance(EventMessage<?> message) {
        Map<String, Object> view = Provenance.view(message.getMetaData());
        return view == null ? null : json.valueToTree(view);
    }

    String json(JsonNode node) {
        return node == null ? null : node.toString();
    }

    JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
