package se.malspar.command.period;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodReopened;

import java.util.Optional;

/**
 * The command side's answer to "is this period closed, and by which decision?": {@code closed_period_lookup},
 * kept by a subscribing processor in the transaction that stores PeriodClosed / PeriodReopened
 * (mode subscribing in malspar-command-side.yml), so a measurement checked after a close has committed is refused.
 * Public: the recompute of verdicts asks it too.
 */
@Component
@ProcessingGroup(ClosedPeriods.GROUP)
public class ClosedPeriods {

    static final String GROUP = "closed-period-lookup";

    private final JdbcClient jdbc;

    ClosedPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PeriodClosed e) {
        jdbc.sql("""
                        insert into closed_period_lookup (period, decision_id, citation) values (:period, :decision, :citation)
                        on conflict (period) do update set decision_id = excluded.decision_id, citation = excluded.citation""")
                .param("period", e.periodId().period()).param("decision", e.decision().decisionId().value())
                .param("citation", e.decision().citation()).update();
    }

    @EventHandler
    void on(PeriodReopened e) {
        jdbc.sql("delete from closed_period_lookup where period = :period").param("period", e.periodId().period()).update();
    }

    public boolean isClosed(String period) {
        return closedBy(period).isPresent();
    }

    /** The citation of the decision that closed the period, when it is closed. */
    public Optional<String> closedBy(String period) {
        return jdbc.sql("select citation from closed_period_lookup where period = :period")
                .param("period", period).query(String.class).optional();
    }
}
