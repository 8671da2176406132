package se.malspar.query.goallinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.query.programme.DecisionChange;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A goal's links beyond the tree (tables of V61): its Barnkonventionen articles, each decided set
 * kept with its decision, effective date and recording instant (so the tree can show them as in
 * force on any date as known at any instant), and the goals of other programmes it contributes to.
 */
@Repository
public class GoalLinks {

    /** The read model's name: its processing group and its row in read_model_position. */
    public static final String READ_MODEL = "goal-links";

    private final JdbcClient jdbc;

    GoalLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The articles in force: ascending, with the decision that linked them and from when. */
    public record ChildRights(List<Integer> articles, DecisionReference decision, LocalDate effectiveFrom,
                              Instant recordedAt) {
    }

    void childRights(ChildRightsLinked e, long sequence, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into goal_child_rights (goal_id, global_index, articles, decision_id, decision_citation,
                               effective_from, recorded_at, recorded_by)
                        values (:goal, :s, :articles, :d, :c, :from, :at, :by) on conflict (global_index) do nothing""")
                .param("goal", e.goalId().value()).param("s", sequence)
                .param("articles", e.articles().toArray(Integer[]::new))
                .param("d", e.decision().decisionId().value()).param("c", e.decision().citation())
                .param("from", e.effectiveFrom()).param("at", Timestamp.from(recordedAt)).param("by", recordedBy)
                .update();
    }

    void contributions(GoalAdded e) {
        List<GoalId> targets = e.contributesTo();
        for (int i = 0; i < targets.size(); i++) {
            jdbc.sql("""
                            insert into goal_contribution (goal_id, contributes_to, position) values (:goal, :to, :i)
                            on conflict (goal_id, contributes_to) do nothing""")
                    .param("goal", e.goalId().value()).param("to", targets.get(i).value()).param("i", i).update();
        }
    }

    void deleteAll() {
        jdbc.sql("delete from goal_child_rights").update();
        jdbc.sql("delete from goal_contribution").update();
    }

    /** Per goal, the articles in force on {@code validAt} as recorded by {@code knownAt} (goals without any left out). */
    public Map<String, ChildRights> childRights(Collection<String> goals, LocalDate validAt, Instant knownAt) {
        Map<String, ChildRights> result = new HashMap<>();
        if (goals.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select distinct on (goal_id) goal_id, articles, decision_id, decision_citation, effective_from, recorded_at
                          from goal_child_rights
                         where goal_id in (:goals) and effective_from <= :valid and recorded_at <= :known
                         order by goal_id, effective_from desc, global_index desc""")
                .param("goals", goals).param("valid", validAt).param("known", Timestamp.from(knownAt))
                .query((java.sql.ResultSet rs) -> {
                    Array array = rs.getArray("articles");
                    List<Integer> articles = Arrays.asList((Integer[]) array.getArray());
                    result.put(rs.getString("goal_id"), new ChildRights(List.copyOf(articles),
                            new DecisionReference(new DecisionId(rs.getString("decision_id")), rs.getString("decision_citation")),
                            rs.getObject("effective_from", LocalDate.class), rs.getTimestamp("recorded_at").toInstant()));
                });
        return result;
    }

    /** Per goal, the goals of other programmes it contributes to, in the order given. */
    public Map<String, List<String>> contributions(Collection<String> goals) {
        Map<String, List<String>> result = new HashMap<>();
        if (goals.isEmpty()) {
            return result;
        }
        jdbc.sql("select goal_id, contributes_to from goal_contribution where goal_id in (:goals) order by goal_id, position")
                .param("goals", goals)
                .query((java.sql.ResultSet rs) -> {
                    result.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return result;
    }

    /**
     * A decision's changes: each goal it linked to Barnkonventionen articles, with the articles linked
     * before (as recorded, the goal's previous link) and after.
     */
    public List<DecisionChange> changesBy(String decisionId) {
        return jdbc.sql("""
                        select * from (select c.*, lag(c.articles) over (partition by c.goal_id order by c.global_index) as previous
                                         from goal_child_rights c) l
                         where l.decision_id = :d order by l.global_index""")
                .param("d", decisionId)
                .query((rs, n) -> new DecisionChange(rs.getLong("global_index"),
                        "ChildRightsLinked", "GOAL", rs.getString("goal_id"), null, null, articles(rs.getArray("previous")),
                        articles(rs.getArray("articles")), rs.getObject("effective_from", LocalDate.class),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), null, null))
                .list();
    }

    private static JsonNode articles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode list = node.putArray("articles");
        for (Integer article : (Integer[]) array.getArray()) {
            list.add(article);
        }
        return node;
    }
}
