package se.malspar.command.programme;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.Ids;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;

import java.util.Optional;

/** Keeps {@code structure_lookup} in step with the structure events, inside their transaction. */
@Component
@ProcessingGroup(StructureLookupProjector.GROUP)
class StructureLookupProjector implements StructureLookup {

    static final String GROUP = "structure-lookup";
    private static final String NO_PARENT = "";

    private final JdbcClient jdbc;

    StructureLookupProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeCreated e) {
        insert(Kind.PROGRAMME, e.programmeId().value(), NO_PARENT, e.name());
        jdbc.sql("update structure_lookup set owner_organ = :owner where kind = 'PROGRAMME' and entity_id = :id")
                .param("owner", e.ownerOrgan()).param("id", e.programmeId().value()).update();
    }

    @EventHandler
    void on(GoalAdded e) {
        insert(Kind.GOAL, e.goalId().value(), e.programmeId().value(), e.name());
    }

    @EventHandler
    void on(DelmalAdded e) {
        insert(Kind.DELMAL, e.delmalId().value(), e.goalId().value(), e.name());
    }

    @EventHandler
    void on(DelmalRenamed e) {
        jdbc.sql("update structure_lookup set name = :name, name_key = :key where kind = 'DELMAL' and entity_id = :id")
                .param("name", e.name()).param("key", Ids.nameKey(e.name())).param("id", e.delmalId().value())
                .update();
    }

    @EventHandler
    void on(DelmalRetired e) {
        retire(Kind.DELMAL, e.delmalId().value());
    }

    @EventHandler
    void on(IndicatorDefined e) {
        insert(Kind.INDICATOR, e.indicatorId().value(), e.delmalId().value(), e.name());
    }

    @EventHandler
    void on(IndicatorRetired e) {
        retire(Kind.INDICATOR, e.indicatorId().value());
    }

    @Override
    public Optional<Entry> find(Kind kind, String id) {
        return jdbc.sql("""
                        select kind, entity_id, parent_id, name, retired from structure_lookup
                         where kind = :kind and entity_id = :id for share""")
                .param("kind", kind.name()).param("id", id)
                .query((rs, n) -> new Entry(Kind.valueOf(rs.getString("kind")), rs.getString("entity_id"),
                        rs.getString("parent_id"), rs.getString("name"), rs.getBoolean("retired")))
                .optional();
    }

    @Override
    public Optional<String> owner(String programmeId) {
        return jdbc.sql("select owner_organ from structure_lookup where kind = 'PROGRAMME' and entity_id = :id")
                .param("id", programmeId).query(String.class).optional();
    }

    @Override
    public boolean nameTaken(Kind kind, String parentId, String name, String exceptId) {
        return jdbc.sql("""
                        select count(*) from structure_lookup
                         where kind = :kind and parent_id = :parent and name_key = :key and not retired
                           and entity_id <> :except""")
                .param("kind", kind.name()).param("parent", parentId == null ? NO_PARENT : parentId)
                .param("key", Ids.nameKey(name)).param("except", exceptId == null ? "" : exceptId)
                .query(Long.class).single() > 0;
    }

    private void insert(Kind kind, String id, String parentId, String name) {
        jdbc.sql("""
                        insert into structure_lookup (kind, entity_id, parent_id, name, name_key, retired)
                        values (:kind, :id, :parent, :name, :key, false)
                        on conflict (kind, entity_id) do nothing""")
                .param("kind", kind.name()).param("id", id).param("parent", parentId).param("name", name)
                .param("key", Ids.nameKey(name))
                .update();
    }

    private void retire(Kind kind, String id) {
        jdbc.sql("update structure_lookup set retired = true where kind = :kind and entity_id = :id")
                .param("kind", kind.name()).param("id", id).update();
    }
}
