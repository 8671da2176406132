package se.malspar.query.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.consultation.ConsultationOpened;
import se.malspar.kernel.consultation.ConsultationResponseRecorded;
import se.malspar.kernel.consultation.Respondent;
import se.malspar.kernel.consultation.ResponseLinkedToChange;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The consultation read model's tables (V60): consultation, consultation_response, consultation_response_change. */
@Repository
class ConsultationRepository {

    /** The provenance metadata kept as a response's or round's source, under the API's names. */
    private static final Map<String, String> SOURCE_KEYS = Map.of(
            Provenance.SOURCE_DOCUMENT, "document", Provenance.SOURCE_LOCATOR, "locator",
            Provenance.SOURCE_QUOTE, "quote", Provenance.SOURCE_DOCUMENT_DATE, "documentDate",
            Provenance.NOTE, "note", Provenance.ORIGIN, "origin");

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    ConsultationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String source(MetaData metaData) {
        Map<String, Object> source = new LinkedHashMap<>();
        SOURCE_KEYS.forEach((key, name) -> {
            Object value = metaData.get(key);
            if (value != null) {
                source.put(name, value);
            }
        });
        try {
            return source.isEmpty() ? null : json.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void opened(ConsultationOpened e, String source, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into consultation (consultation_id, title, decision_id, decision_citation, sent_on, source,
                               recorded_at, recorded_by)
                        values (:id, :title, :d, :c, :sent, cast(:source as jsonb), :at, :by)
                        on conflict (consultation_id) do nothing""")
                .param("id", e.consultationId().value()).param("title", e.title())
                .param("d", e.decision() == null ? null : e.decision().decisionId().value())
                .param("c", e.decision() == null ? null : e.decision().citation())
                .param("sent", e.sentOn()).param("source", source)
                .param("at", Timestamp.from(recordedAt)).param("by", recordedBy).update();
    }

    void response(ConsultationResponseRecorded e, long sequence, String source, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into consultation_response (consultation_id, response_id, global_index, respondent, subject,
                               subject_kind, comment, proposed_answer, outcome, outcome_text, source, recorded_at, recorded_by)
                        values (:c, :r, :s, :who, :subject, :kind, :comment, :answer, :outcome, :words, cast(:source as jsonb),
                               :at, :by)
                        on conflict (consultation_id, response_id) do nothing""")
                .param("c", e.consultationId().value()).param("r", e.responseId()).param("s", sequence)
                .param("who", e.respondent().name()).param("subject", e.subject()).param("kind", e.subjectKind().name())
                .param("comment", e.comment()).param("answer", e.proposedAnswer())
                .param("outcome", e.outcome() == null ? null : e.outcome().name()).param("words", e.outcomeText())
                .param("source", source).param("at", Timestamp.from(recordedAt)).param("by", recordedBy).update();
    }

    void linked(ResponseLinkedToChange e, long sequence, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into consultation_response_change (consultation_id, response_id, decision_id, decision_citation,
                               entity_id, reason, global_index, recorded_at, recorded_by)
                        values (:c, :r, :d, :citation, :entity, :reason, :s, :at, :by)
                        on conflict (consultation_id, response_id, decision_id, entity_id) do nothing""")
                .param("c", e.consultationId().value()).param("r", e.responseId())
                .param("d", e.decision().decisionId().value()).param("citation", e.decision().citation())
                .param("entity", e.entityId()).param("reason", e.reason()).param("s", sequence)
                .param("at", Timestamp.from(recordedAt)).param("by", recordedBy).update();
    }

    void deleteAll() {
        jdbc.sql("delete from consultation_response_change").update();
        jdbc.sql("delete from consultation_response").update();
        jdbc.sql("delete from consultation").update();
    }

    /** The round's row, or empty. */
    Optional<ConsultationView> consultation(String id, List<ConsultationView.Response> responses, Map<String, String> filter) {
        return jdbc.sql("select * from consultation where consultation_id = :id").param("id", id)
                .query((rs, n) -> new ConsultationView(rs.getString("consultation_id"), rs.getString("title"),
                        decision(rs.getString("decision_id"), rs.getString("decision_citation")),
                        rs.getObject("sent_on", java.time.LocalDate.class), json(rs.getString("source")),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), filter, responses.size(),
                        outcomes(responses), responses))
                .optional();
    }

    List<ConsultationView.Summary> summaries() {
        Map<String, List<ConsultationView.Response>> byRound = new LinkedHashMap<>();
        for (ConsultationView.Response r : responses(null, null, null, null, null, null)) {
            byRound.computeIfAbsent(r.consultationId(), k -> new ArrayList<>()).add(r);
        }
        return jdbc.sql("select * from consultation order by consultation_id")
                .query((rs, n) -> {
                    List<ConsultationView.Response> rs2 = byRound.getOrDefault(rs.getString("consultation_id"), List.of());
                    return new ConsultationView.Summary(rs.getString("consultation_id"), rs.getString("title"),
                            decision(rs.getString("decision_id"), rs.getString("decision_citation")),
                            rs.getObject("sent_on", java.time.LocalDate.class), rs2.size(),
                            (int) rs2.stream().filter(ConsultationView.Response::ledToChange).count(), outcomes(rs2));
                })
                .list();
    }

    /**
     * Answers in recorded order, narrowed by each filter given: round, outcome ({@code NONE}: no outcome),
     * respondent, whether it led to a change, and the change (decision and/or entity) it led to.
     */
    List<ConsultationView.Response> responses(String consultationId, String outcome, String respondent, Boolean ledToChange,
                                              String decisionId, String entityId) {
        Map<String, List<ConsultationView.Change>> changes = new LinkedHashMap<>();
        jdbc.sql("select * from consultation_response_change order by global_index")
                .query((ResultSet rs) -> {
                    changes.computeIfAbsent(rs.getString("consultation_id") + "/" + rs.getString("response_id"),
                            k -> new ArrayList<>()).add(new ConsultationView.Change(
                            decision(rs.getString("decision_id"), rs.getString("decision_citation")), rs.getString("entity_id"),
                            rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")));
                });
        String sql = "select * from consultation_response where (cast(:c as text) is null or consultation_id = :c)"
                + " and (cast(:o as text) is null or coalesce(outcome, 'NONE') = :o)"
                + " and (cast(:who as text) is null or respondent = :who) order by global_index";
        return jdbc.sql(sql).param("c", consultationId).param("o", outcome).param("who", respondent)
                .query((rs, n) -> response(rs, changes.getOrDefault(rs.getString("consultation_id") + "/"
                        + rs.getString("response_id"), List.of())))
                .list().stream()
                .filter(r -> ledToChange == null || r.ledToChange() == ledToChange)
                .filter(r -> decisionId == null && entityId == null || r.changes().stream().anyMatch(c ->
                        (decisionId == null || c.decision().decisionId().value().equals(decisionId))
                                && (entityId == null || c.entity().equals(entityId))))
                .toList();
    }

    private ConsultationView.Response response(ResultSet rs, List<ConsultationView.Change> changes) throws SQLException {
        Respondent respondent = Respondent.valueOf(rs.getString("respondent"));
        return new ConsultationView.Response(rs.getString("consultation_id"), rs.getString("response_id"), respondent.code(),
                respondent.displayName(), rs.getString("subject"), rs.getString("subject_kind"), rs.getString("comment"),
                rs.getString("proposed_answer"), rs.getString("outcome"), rs.getString("outcome_text"), !changes.isEmpty(),
                changes, json(rs.getString("source")), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private static Map<String, Integer> outcomes(List<ConsultationView.Response> responses) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String o : List.of("JA", "NEJ", "DELVIS", "JA_SKA_TAS_FRAM", "NONE")) {
            counts.put(o, 0);
        }
        responses.forEach(r -> counts.merge(r.outcome() == null ? "NONE" : r.outcome(), 1, Integer::sum));
        return counts;
    }

    private static DecisionReference decision(String id, String citation) {
        return id == null ? null : new DecisionReference(new DecisionId(id), citation);
    }

    private Map<String, Object> json(String text) {
        try {
            return text == null ? null : json.readValue(text, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
