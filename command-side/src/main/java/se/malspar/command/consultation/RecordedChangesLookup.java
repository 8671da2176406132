package se.malspar.command.consultation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.consultation.SubjectKind;
import se.malspar.kernel.decision.DecisionId;

@Component
class RecordedChangesLookup implements RecordedChanges {

    private final JdbcClient jdbc;

    RecordedChangesLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubjectKind kindOf(String subject) {
        if (subject == null) {
            return SubjectKind.TEXT;
        }
        return jdbc.sql("select kind from structure_lookup where entity_id = :id and kind <> 'PROGRAMME' order by kind limit 1")
                .param("id", subject).query(String.class).optional()
                .map(SubjectKind::valueOf).orElse(SubjectKind.TEXT);
    }

    @Override
    public boolean changed(DecisionId decision, String entityId) {
        return jdbc.sql("""
                        select count(*) from decision_change_lookup l
                          join domain_event_entry e on e.event_identifier = l.event_identifier
                         where l.decision_id = :decision and e.aggregate_identifier = :entity""")
                .param("decision", decision.value()).param("entity", entityId).query(Long.class).single() > 0;
    }
}
