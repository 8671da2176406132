package se.malspar.query.decision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.malspar.kernel.decision.DecisionAdopted;
import se.malspar.kernel.decision.DecisionCorrected;
import se.malspar.kernel.decision.DecisionRegistered;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Repository
class DecisionRegisterRepository {

    private final JdbcClient jdbc;

    DecisionRegisterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DecisionRegistered e, long sequence, Instant recordedAt, String userId) {
        jdbc.sql("""
                        insert into decision_register (decision_id, citation, organ, meeting_date, paragraph, case_number,
                            title, protocol_url, effective_from, incomplete, status, note, registered_at, registered_by, version)
                        values (:id, :citation, :organ, :meetingDate, :paragraph, :caseNumber,
                            :title, :protocolUrl, :effectiveFrom, :incomplete, :status, :note, :recordedAt, :userId, :version)
                        on conflict (decision_id) do nothing""")
                .param("id", e.decisionId().value())
                .param("citation", e.citation())
                .param("organ", e.organ())
                .param("meetingDate", e.meetingDate().toString())
                .param("paragraph", e.paragraph())
                .param("caseNumber", e.caseNumber())
                .param("title", e.title())
                .param("protocolUrl", e.protocolUrl())
                .param("effectiveFrom", e.effectiveFrom())
                .param("incomplete", e.incomplete())
                .param("status", e.status().name())
                .param("note", e.note())
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("userId", userId)
                .param("version", sequence)
                .update();
    }

    /** Only a newer event changes the entry, as for corrections: a replay cannot undo a later one. */
    void adopt(DecisionAdopted e, long sequence) {
        jdbc.sql("""
                        update decision_register
                           set status = 'ADOPTED', adopted_on = :adoptedOn, adopted_by = :adoptedBy,
                               adoption_note = :note, version = :version
                         where decision_id = :id and version < :version""")
                .param("id", e.decisionId().value())
                .param("adoptedOn", e.adoptedOn())
                .param("adoptedBy", e.adoptedBy())
                .param("note", e.note())
                .param("version", sequence)
                .update();
    }

    void correct(DecisionCorrected e, long sequence, Instant recordedAt, String userId, String eventId) {
        jdbc.sql("""
                        insert into decision_register_correction (event_id, decision_id, sequence_number, citation,
                            corrected_fields, reason, recorded_at, recorded_by)
                        values (:eventId, :id, :sequence, :citation, :fields, :reason, :recordedAt, :userId)
                        on conflict (event_id) do nothing""")
                .param("eventId", eventId)
                .param("id", e.decisionId().value())
                .param("sequence", sequence)
                .param("citation", e.citation())
                .param("fields", String.join(",", e.correctedFields()))
                .param("reason", e.reason())
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("userId", userId)
                .update();
        // Only a newer event changes the entry, so a replayed older correction cannot undo a later one.
        jdbc.sql("""
                        update decision_register
                           set citation = :citation, meeting_date = :meetingDate, paragraph = :paragraph,
                               case_number = :caseNumber, title = :title, protocol_url = :protocolUrl,
                               effective_from = :effectiveFrom, incomplete = :incomplete, version = :version
                         where decision_id = :id and version < :version""")
                .param("id", e.decisionId().value())
                .param("citation", e.citation())
                .param("meetingDate", e.meetingDate().toString())
                .param("paragraph", e.paragraph())
                .param("caseNumber", e.caseNumber())
                .param("title", e.title())
                .param("protocolUrl", e.protocolUrl())
                .param("effectiveFrom", e.effectiveFrom())
                .param("incomplete", e.incomplete())
                .param("version", sequence)
                .update();
    }

    /** Every row of this read model's tables, and nothing else. */
    void deleteAll() {
        jdbc.sql("delete from decision_register_correction").update();
        jdbc.sql("delete from decision_register").update();
    }

    /**
     * At most {@code limit} entries in meeting order after the entry {@code after} (null: from the
     * start). Keyset paging: an entry registered meanwhile neither shifts nor repeats a page.
     */
    /** {@code incomplete}: true only the incomplete entries, false only the complete ones, null all. */
    List<DecisionView> findPage(Boolean incomplete, String after, int limit) {
        List<String> ids = new java.util.ArrayList<>();
        List<DecisionView> rows = jdbc.sql("""
                        select * from decision_register r
                         where (cast(:incomplete as boolean) is null or incomplete = cast(:incomplete as boolean))
                           and (cast(:after as varchar) is null
                                or (r.meeting_date, r.organ, coalesce(r.paragraph, 2147483647), r.decision_id)
                                 > (select a.meeting_date, a.organ, coalesce(a.paragraph, 2147483647), a.decision_id
                                      from decision_register a where a.decision_id = cast(:after as varchar)))
                         order by meeting_date, organ, coalesce(paragraph, 2147483647), decision_id
                         limit :limit""")
                .param("incomplete", incomplete)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> {
                    ids.add(rs.getString("decision_id"));
                    return view(rs, List.of());
                })
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<DecisionView.Correction>> corrections = jdbc.sql("""
                        select decision_id, citation, corrected_fields, reason, recorded_at, recorded_by
                          from decision_register_correction where decision_id in (:ids)
                         order by decision_id, sequence_number""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString("decision_id"), correction(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(v -> v.withCorrections(corrections.getOrDefault(v.decisionId(), List.of()))).toList();
    }

    Optional<DecisionView> find(String decisionId) {
        List<DecisionView.Correction> corrections = jdbc.sql("""
                        select citation, corrected_fields, reason, recorded_at, recorded_by
                          from decision_register_correction where decision_id = :id order by sequence_number""")
                .param("id", decisionId)
                .query((rs, n) -> correction(rs))
                .list();
        return jdbc.sql("select * from decision_register where decision_id = :id")
                .param("id", decisionId)
                .query((rs, n) -> view(rs, corrections))
                .optional();
    }

    private static DecisionView view(ResultSet rs, List<DecisionView.Correction> corrections) throws SQLException {
        return new DecisionView(
                rs.getString("decision_id"),
                rs.getString("citation"),
                rs.getString("organ"),
                rs.getString("meeting_date"),
                (Integer) rs.getObject("paragraph"),
                rs.getString("case_number"),
                rs.getString("title"),
                rs.getString("protocol_url"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getBoolean("incomplete"),
                rs.getString("status"),
                rs.getString("adopted_by") == null ? null : new DecisionView.Adoption(
                        rs.getObject("adopted_on", LocalDate.class), rs.getString("adopted_by"),
                        rs.getString("adoption_note")),
                rs.getString("note"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"),
                corrections);
    }

    private static DecisionView.Correction correction(ResultSet rs) throws SQLException {
        return new DecisionView.Correction(
                rs.getString("citation"),
                Arrays.asList(rs.getString("corrected_fields").split(",")),
                rs.getString("reason"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }
}
