package se.malspar.query.revision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The revision read model's tables: verifications, what they cover, and each decision's changes. */
@Repository
class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void change(long sequence, String decisionId) {
        jdbc.sql("insert into revision_change (sequence, decision_id) values (:s, :d) on conflict (sequence) do nothing")
                .param("s", sequence).param("d", decisionId).update();
    }

    void verification(UUID id, String decisionId, long sequence, String outcome, String protocolReference, String note,
                      long treeSize, List<Long> covers, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into revision_verification (verification_id, decision_id, global_index, outcome,
                               protocol_reference, note, tree_size, recorded_at, recorded_by)
                        values (:id, :d, :s, :o, :p, :n, :t, :at, :by) on conflict (verification_id) do nothing""")
                .param("id", id).param("d", decisionId).param("s", sequence).param("o", outcome)
                .param("p", protocolReference).param("n", note).param("t", treeSize)
                .param("at", Timestamp.from(recordedAt)).param("by", recordedBy).update();
        for (Long cover : covers) {
            jdbc.sql("insert into revision_verification_cover (verification_id, sequence) values (:id, :s) on conflict do nothing")
                    .param("id", id).param("s", cover).update();
        }
    }

    void deleteAll() {
        jdbc.sql("delete from revision_verification_cover").update();
        jdbc.sql("delete from revision_verification").update();
        jdbc.sql("delete from revision_change").update();
    }

    DecisionRevision of(String decisionId) {
        List<Long> changes = jdbc.sql("select sequence from revision_change where decision_id = :d order by sequence")
                .param("d", decisionId).query(Long.class).list();
        return DecisionRevision.of(decisionId, changes, verifications(decisionId));
    }

    List<VerificationView> verifications(String decisionId) {
        Map<UUID, List<Long>> covers = new HashMap<>();
        jdbc.sql("""
                        select c.verification_id, c.sequence from revision_verification_cover c
                          join revision_verification v on v.verification_id = c.verification_id
                         where v.decision_id = :d order by c.sequence""")
                .param("d", decisionId)
                .query((ResultSet rs) -> {
                    covers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return jdbc.sql("select * from revision_verification where decision_id = :d order by global_index")
                .param("d", decisionId).query((rs, n) -> view(rs, covers)).list();
    }

    /** Every decision with changes or verifications. */
    List<DecisionRevision> all() {
        Map<String, List<Long>> changes = new HashMap<>();
        jdbc.sql("select decision_id, sequence from revision_change order by sequence")
                .query((ResultSet rs) -> {
                    changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<UUID, List<Long>> covers = new HashMap<>();
        jdbc.sql("select verification_id, sequence from revision_verification_cover order by sequence")
                .query((ResultSet rs) -> {
                    covers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<String, List<VerificationView>> verifications = new HashMap<>();
        jdbc.sql("select * from revision_verification order by global_index")
                .query((ResultSet rs) -> {
                    verifications.computeIfAbsent(rs.getString("decision_id"), k -> new ArrayList<>()).add(view(rs, covers));
                });
        java.util.Set<String> ids = new java.util.TreeSet<>(changes.keySet());
        ids.addAll(verifications.keySet());
        return ids.stream().map(id -> DecisionRevision.of(id, changes.getOrDefault(id, List.of()),
                verifications.getOrDefault(id, List.of()))).toList();
    }

    private static VerificationView view(ResultSet rs, Map<UUID, List<Long>> covers) throws SQLException {
        UUID id = rs.getObject("verification_id", UUID.class);
        return new VerificationView(id, rs.getLong("global_index"), rs.getString("outcome"), rs.getString("protocol_reference"),
                rs.getString("note"), rs.getLong("tree_size"), covers.getOrDefault(id, List.of()),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
