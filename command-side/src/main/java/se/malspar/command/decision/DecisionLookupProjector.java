package se.malspar.command.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionAdopted;
import se.malspar.kernel.decision.DecisionCorrected;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;

import java.util.Optional;

/**
 * Keeps {@code decision_lookup} in step with the decision events. Runs in a subscribing
 * processor ({@value #GROUP}), i.e. inside the transaction that stores the events: a failure
 * here rolls the command back.
 */
@Component
@ProcessingGroup(DecisionLookupProjector.GROUP)
class DecisionLookupProjector implements DecisionLookup {

    static final String GROUP = "decision-lookup";

    private final JdbcClient jdbc;

    DecisionLookupProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DecisionRegistered event) {
        jdbc.sql("""
                        insert into decision_lookup (decision_id, citation, organ, meeting_date, effective_from, incomplete, status)
                        values (:id, :citation, :organ, :meetingDate, :effectiveFrom, :incomplete, :status)
                        on conflict (decision_id) do nothing""")
                .param("id", event.decisionId().value())
                .param("citation", event.citation())
                .param("organ", event.organ())
                .param("meetingDate", event.meetingDate().toString())
                .param("effectiveFrom", event.effectiveFrom())
                .param("incomplete", event.incomplete())
                .param("status", event.status().name())
                .update();
    }

    @EventHandler
    void on(DecisionAdopted event) {
        jdbc.sql("update decision_lookup set status = 'ADOPTED' where decision_id = :id")
                .param("id", event.decisionId().value())
                .update();
    }

    @EventHandler
    void on(DecisionCorrected event) {
        jdbc.sql("""
                        update decision_lookup
                           set citation = :citation, meeting_date = :meetingDate,
                               effective_from = :effectiveFrom, incomplete = :incomplete
                         where decision_id = :id""")
                .param("id", event.decisionId().value())
                .param("citation", event.citation())
                .param("meetingDate", event.meetingDate().toString())
                .param("effectiveFrom", event.effectiveFrom())
                .param("incomplete", event.incomplete())
                .update();
    }

    @Override
    public Optional<RegisteredDecision> find(DecisionId decisionId) {
        return jdbc.sql("""
                        select decision_id, citation, organ, effective_from, incomplete, status
                          from decision_lookup where decision_id = :id""")
                .param("id", decisionId.value())
                .query((rs, n) -> new RegisteredDecision(new DecisionId(rs.getString("decision_id")),
                        rs.getString("citation"), rs.getString("organ"),
                        rs.getObject("effective_from", java.time.LocalDate.class), rs.getBoolean("incomplete"),
                        "ADOPTED".equals(rs.getString("status"))))
                .optional();
    }

    @Override
    public Optional<DecisionId> findByCitation(String canonicalCitation) {
        return jdbc.sql("select decision_id from decision_lookup where citation = :citation")
                .param("citation", canonicalCitation)
                .query(String.class)
                .optional()
                .map(DecisionId::new);
    }
}
