package se.malspar.command.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.AmbitionReviewClosed;
import se.malspar.kernel.programme.ambition.AmbitionReviewOpened;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodReopened;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;

import java.util.List;
import java.util.OptionalLong;

/**
 * Keeps {@code decision_change_lookup}: which stored events are changes a decision authorised.
 * Subscribing ({@value #GROUP}): written in the transaction that stores the change, so a
 * verification sees every committed change of its decision.
 */
@Component
@ProcessingGroup(DecisionChangeLookupProjector.GROUP)
class DecisionChangeLookupProjector implements RevisionScope {

    static final String GROUP = "decision-change-lookup";

    private final JdbcClient jdbc;

    DecisionChangeLookupProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeCreated e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(GoalAdded e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(DelmalAdded e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(DelmalRenamed e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(DelmalRetired e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(IndicatorDefined e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(IndicatorRetired e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(AmbitionLevelSet e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(TargetValueSet e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(DelmalCountStated e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(AmbitionReviewOpened e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(AmbitionReviewClosed e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(ChildRightsLinked e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(PeriodClosed e, EventMessage<?> message) {
        record(message, e.decision());
    }

    @EventHandler
    void on(PeriodReopened e, EventMessage<?> message) {
        record(message, e.decision());
    }

    private void record(EventMessage<?> message, DecisionReference decision) {
        jdbc.sql("""
                        insert into decision_change_lookup (event_identifier, decision_id) values (:event, :decision)
                        on conflict (event_identifier) do nothing""")
                .param("event", message.getIdentifier()).param("decision", decision.decisionId().value()).update();
    }

    @Override
    public OptionalLong latestCheckpointTreeSize() {
        return jdbc.sql("select max(tree_size) from integrity_checkpoint").query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public List<Long> changeSequences(DecisionId decisionId) {
        return jdbc.sql("""
                        select e.global_index from decision_change_lookup l
                          join domain_event_entry e on e.event_identifier = l.event_identifier
                         where l.decision_id = :id order by e.global_index""")
                .param("id", decisionId.value()).query(Long.class).list();
    }
}
