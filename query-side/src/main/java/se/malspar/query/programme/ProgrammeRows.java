package se.malspar.query.programme;

// Over 400 lines: one table per kind of fact, each written and read here (the SQL of one read
// model in one place); the shapes repeat per table rather than hide behind a generic row.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.indicator.IndicatorSourceChanged;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.kernel.programme.ambition.TargetValueSet;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static se.malspar.query.programme.Fact.Attribute;
import static se.malspar.query.programme.Fact.Kind;

/**
 * The programme read model's tables per kind of fact (programme, goal, delmål, rename, indicator,
 * retirement, ambition level with its rules, target value, data source, provenance): inserts,
 * closing recorded time, and the bitemporal reads. Owns its batching: rows handled in one unit of
 * work are written together before it commits ({@link UnitOfWorkBatch}).
 */
@Repository
class ProgrammeRows {

    /**
     * One change to write: its event and what every table keeps of it. {@code orderIndex} orders
     * changes taking effect on one day (a correction keeps its entry's); {@code correctionOf} the
     * ambition entry a correction replaces.
     */
    record Change(String factId, long globalIndex, long orderIndex, LocalDate validFrom, DecisionReference decision,
                  Instant recordedAt, String recordedBy, Source source, Object event, String correctionOf) {
    }

    /** Where a change comes from (its event's provenance metadata), typed. */
    record Source(String origin, String historyFile, String historyFileVersion, String document, String locator,
                  String quote, LocalDate documentDate, String note) {

        /** The metadata's provenance, or null when the event carries none. */
        static Source of(Map<String, ?> meta) {
            Source s = new Source(text(meta.get(Provenance.ORIGIN)), text(meta.get(Provenance.HISTORY_FILE)),
                    text(meta.get(Provenance.HISTORY_FILE_VERSION)), text(meta.get(Provenance.SOURCE_DOCUMENT)),
                    text(meta.get(Provenance.SOURCE_LOCATOR)), text(meta.get(Provenance.SOURCE_QUOTE)),
                    meta.get(Provenance.SOURCE_DOCUMENT_DATE) == null ? null
                            : LocalDate.parse(meta.get(Provenance.SOURCE_DOCUMENT_DATE).toString()),
                    text(meta.get(Provenance.NOTE)));
            return s.equals(new Source(null, null, null, null, null, null, null, null)) ? null : s;
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        /** The API's provenance object: origin, historyFile, historyFileVersion, source {…}, note. */
        JsonNode json() {
            ObjectNode node = ProgrammeJson.object();
            put(node, "origin", origin);
            put(node, "historyFile", historyFile);
            put(node, "historyFileVersion", historyFileVersion);
            ObjectNode source = ProgrammeJson.object();
            put(source, "document", document);
            put(source, "locator", locator);
            put(source, "quote", quote);
            put(source, "documentDate", documentDate == null ? null : documentDate.toString());
            if (!source.isEmpty()) {
                node.set("source", source);
            }
            put(node, "note", note);
            return node;
        }

        private static void put(ObjectNode node, String field, String value) {
            if (value != null) {
                node.put(field, value);
            }
        }
    }

    private static final String COMMON = "fact_id, global_index, order_index, valid_from, decision_id, citation, recorded_at, "
            + "recorded_by, documented_on";
    private static final String COMMON_VALUES = ":factId, :globalIndex, :orderIndex, :validFrom, :decisionId, :citation, "
            + ":recordedAt, :recordedBy, :documentedOn";

    /** One table's insert: the events it takes, its own columns and their values. */
    private record Insert<E>(Class<E> type, String table, String columns, String values,
                             BiConsumer<E, MapSqlParameterSource> params) {

        String sql() {
            return "insert into " + table + " (" + COMMON + ", " + columns + ") values (" + COMMON_VALUES + ", " + values
                    + ") on conflict (fact_id) do nothing";
        }
    }

    private static final List<Insert<?>> INSERTS = List.of(
            new Insert<>(ProgrammeCreated.class, "programme_created", "programme_id, name, owner_organ, date_precision",
                    ":programmeId, :name, :ownerOrgan, :precision", (e, p) -> p.addValue("programmeId", e.programmeId().value())
                    .addValue("name", e.name()).addValue("ownerOrgan", e.ownerOrgan())
                    .addValue("precision", e.effectiveFromPrecision().name())),
            new Insert<>(GoalAdded.class, "programme_goal_added", "goal_id, programme_id, name, goal_area, date_precision",
                    ":goalId, :programmeId, :name, :goalArea, :precision", (e, p) -> p.addValue("goalId", e.goalId().value())
                    .addValue("programmeId", e.programmeId().value()).addValue("name", e.name())
                    .addValue("goalArea", e.goalArea()).addValue("precision", e.effectiveFromPrecision().name())),
            new Insert<>(DelmalAdded.class, "programme_delmal_added",
                    "delmal_id, goal_id, programme_id, name, description, date_precision",
                    ":delmalId, :goalId, :programmeId, :name, :description, :precision", (e, p) -> p
                    .addValue("delmalId", e.delmalId().value()).addValue("goalId", e.goalId().value())
                    .addValue("programmeId", e.programmeId().value()).addValue("name", e.name())
                    .addValue("description", e.description()).addValue("precision", e.effectiveFromPrecision().name())),
            new Insert<>(DelmalRenamed.class, "programme_delmal_renamed", "delmal_id, goal_id, name, previous_name",
                    ":delmalId, :goalId, :name, :previousName", (e, p) -> p.addValue("delmalId", e.delmalId().value())
                    .addValue("goalId", e.goalId() == null ? null : e.goalId().value()).addValue("name", e.name())
                    .addValue("previousName", e.previousName())),
            new Insert<>(IndicatorDefined.class, "programme_indicator_defined",
                    "indicator_id, delmal_id, name, unit, kind, direction, politically_decided_target, note, "
                            + "direction_basis, direction_reason, source_kind, source_kpi, date_precision",
                    ":indicatorId, :delmalId, :name, :unit, :kind, :direction, :decidedTarget, :note, :basis, :reason, "
                            + ":sourceKind, :sourceKpi, :precision", (e, p) -> p.addValue("indicatorId", e.indicatorId().value())
                    .addValue("delmalId", e.delmalId().value()).addValue("name", e.name()).addValue("unit", e.unit())
                    .addValue("kind", e.kind().name()).addValue("direction", e.direction().name())
                    .addValue("decidedTarget", e.politicallyDecidedTarget()).addValue("note", e.note())
                    .addValue("basis", e.directionBasis().name()).addValue("reason", e.directionReason())
                    .addValue("sourceKind", e.source() == null || e.source().kind() == null ? null : e.source().kind().name())
                    .addValue("sourceKpi", e.source() == null ? null : e.source().kpi())
                    .addValue("precision", e.effectiveFromPrecision().name())),
            new Insert<>(DelmalRetired.class, "programme_retired", "entity_kind, entity_id, parent_id",
                    "'DELMAL', :entityId, :parentId", (e, p) -> p.addValue("entityId", e.delmalId().value())
                    .addValue("parentId", e.goalId() == null ? null : e.goalId().value())),
            new Insert<>(IndicatorRetired.class, "programme_retired", "entity_kind, entity_id, parent_id",
                    "'INDICATOR', :entityId, :parentId", (e, p) -> p.addValue("entityId", e.indicatorId().value())
                    .addValue("parentId", e.delmalId() == null ? null : e.delmalId().value())),
            new Insert<>(AmbitionLevelSet.class, "programme_ambition_level", ambitionColumns(), ambitionValues(),
                    (e, p) -> ambition(p, e.indicatorId().value(), e.ambitionLevel(), false, null)
                            .addValue("precision", e.effectiveFromPrecision().name())),
            new Insert<>(AmbitionLevelCorrected.class, "programme_ambition_level", ambitionColumns(), ambitionValues(),
                    (e, p) -> ambition(p, e.indicatorId().value(), e.ambitionLevel(), true, e.reason())
                            .addValue("precision", null)),
            new Insert<>(TargetValueSet.class, "programme_target_value", "indicator_id, value, year",
                    ":indicatorId, :value, :year", (e, p) -> p.addValue("indicatorId", e.indicatorId().value())
                    .addValue("value", e.value()).addValue("year", e.year())));

    private static String ambitionColumns() {
        return "indicator_id, text, target_year, ambiguous, findings, rules_source, status, date_precision, correction, "
                + "correction_of, correction_reason";
    }

    private static String ambitionValues() {
        return ":indicatorId, :text, :targetYear, :ambiguous, cast(:findings as text[]), :rulesSource, :status, "
                // a correction keeps the precision of the entry it corrects
                + "coalesce(cast(:precision as varchar), (select c.date_precision from programme_ambition_level c "
                + "where c.fact_id = :correctionOf), 'DAY'), "
                + ":correction, :correctionOf, :correctionReason";
    }

    private static MapSqlParameterSource ambition(MapSqlParameterSource p, String indicator, AmbitionLevel level, boolean correction,
                                 String reason) {
        p.addValue("indicatorId", indicator).addValue("text", level.text()).addValue("targetYear", level.targetYear())
                .addValue("ambiguous", level.ambiguous()).addValue("findings", level.findings().toArray(String[]::new))
                .addValue("rulesSource", level.rulesSource() == null ? null : level.rulesSource().name())
                .addValue("status", level.status().name())
                .addValue("correction", correction).addValue("correctionReason", reason);
        return p;
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final UnitOfWorkBatch<Change> batch;

    ProgrammeRows(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
        this.batch = new UnitOfWorkBatch<>("programme-rows", this::write);
    }

    /** Writes the change with the batch (at once outside a unit of work). */
    void add(Change change) {
        batch.add(change);
    }

    /** Writes what the batch holds so far: before a read of these tables within the batch. */
    void flush() {
        batch.flush();
    }

    /** Inserts each change once (a redelivered one writes nothing); only the order within a table matters. */
    private void write(List<Change> changes) {
        for (Insert<?> insert : INSERTS) {
            write(insert, changes);
        }
        List<SqlParameterSource> rules = new ArrayList<>();
        List<SqlParameterSource> sources = new ArrayList<>();
        for (Change c : changes) {
            AmbitionLevel level = c.event() instanceof AmbitionLevelSet s ? s.ambitionLevel()
                    : c.event() instanceof AmbitionLevelCorrected k ? k.ambitionLevel() : null;
            for (int i = 0; level != null && i < level.rules().size(); i++) {
                AmbitionRule r = level.rules().get(i);
                rules.add(new MapSqlParameterSource().addValue("factId", c.factId()).addValue("position", i)
                        .addValue("comparator", r.comparator().name()).addValue("reference", r.reference().name())
                        .addValue("margin", r.margin())
                        .addValue("marginUnit", r.marginUnit() == null ? null : r.marginUnit().name())
                        .addValue("targetYear", r.targetYear()).addValue("targetGroup", r.targetGroup()));
            }
            if (c.event() instanceof IndicatorSourceChanged e) {
                jdbc.sql("""
                                insert into programme_indicator_source (fact_id, global_index, order_index, valid_from,
                                    recorded_at, recorded_by, indicator_id, before_kind, before_kpi, after_kind, after_kpi, reason)
                                values (:factId, :globalIndex, :globalIndex, :validFrom, :recordedAt, :recordedBy, :indicatorId,
                                    :beforeKind, :beforeKpi, :afterKind, :afterKpi, :reason)
                                on conflict (fact_id) do nothing""")
                        .param("factId", c.factId()).param("globalIndex", c.globalIndex()).param("validFrom", c.validFrom())
                        .param("recordedAt", Timestamp.from(c.recordedAt())).param("recordedBy", c.recordedBy())
                        .param("indicatorId", e.indicatorId().value())
                        .param("beforeKind", kind(e.before())).param("beforeKpi", e.before() == null ? null : e.before().kpi())
                        .param("afterKind", kind(e.after())).param("afterKpi", e.after() == null ? null : e.after().kpi())
                        .param("reason", e.reason())
                        .update();
            }
            Source s = c.source();
            if (s != null) {
                sources.add(new MapSqlParameterSource().addValue("factId", c.factId()).addValue("origin", s.origin())
                        .addValue("file", s.historyFile()).addValue("version", s.historyFileVersion())
                        .addValue("document", s.document()).addValue("locator", s.locator()).addValue("quote", s.quote())
                        .addValue("documentDate", s.documentDate()).addValue("note", s.note()));
            }
        }
        if (!rules.isEmpty()) {
            named.batchUpdate("""
                            insert into programme_ambition_rule (fact_id, position, comparator, reference, margin, margin_unit,
                                target_year, target_group)
                            values (:factId, :position, :comparator, :reference, :margin, :marginUnit, :targetYear, :targetGroup)
                            on conflict (fact_id, position) do nothing""", rules.toArray(SqlParameterSource[]::new));
        }
        if (!sources.isEmpty()) {
            named.batchUpdate("""
                            insert into programme_provenance (fact_id, origin, history_file, history_file_version,
                                source_document, source_locator, source_quote, source_document_date, note)
                            values (:factId, :origin, :file, :version, :document, :locator, :quote, :documentDate, :note)
                            on conflict (fact_id) do nothing""", sources.toArray(SqlParameterSource[]::new));
        }
    }

    private static String kind(IndicatorSource source) {
        return source == null || source.kind() == null ? null : source.kind().name();
    }

    private <E> void write(Insert<E> insert, List<Change> changes) {
        SqlParameterSource[] rows = changes.stream().filter(c -> insert.type().isInstance(c.event())).map(c -> {
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("factId", c.factId())
                    .addValue("globalIndex", c.globalIndex()).addValue("orderIndex", c.orderIndex())
                    .addValue("validFrom", c.validFrom())
                    .addValue("decisionId", c.decision() == null ? null : c.decision().decisionId().value())
                    .addValue("citation", c.decision() == null ? null : c.decision().citation())
                    .addValue("recordedAt", Timestamp.from(c.recordedAt())).addValue("recordedBy", c.recordedBy())
                    .addValue("documentedOn", ProgrammeProjection.documentedOn(
                            c.source() == null ? null : c.source().documentDate(), c.decision()))
                    .addValue("correctionOf", c.correctionOf());
            insert.params().accept(insert.type().cast(c.event()), p);
            return p;
        }).toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            named.batchUpdate(insert.sql(), rows);
        }
    }

    /** The ambition entry a correction replaces: of that decision and date, current before the correction. */
    Optional<CorrectedEntry> currentAmbitionEntry(String indicatorId, String decisionId, LocalDate validFrom,
                                                  long beforeIndex, String correctionFactId) {
        return jdbc.sql("""
                        select fact_id, order_index from programme_ambition_level
                         where indicator_id = :id and decision_id = :decision and valid_from = :validFrom
                           and global_index < :before and (superseded_at is null or superseded_by = :self)
                         order by global_index desc limit 1""")
                .param("id", indicatorId).param("decision", decisionId).param("validFrom", validFrom)
                .param("before", beforeIndex).param("self", correctionFactId)
                .query((rs, n) -> new CorrectedEntry(rs.getString(1), rs.getLong(2))).optional();
    }

    record CorrectedEntry(String factId, long orderIndex) {
    }

    /** Closes the recorded time of an ambition entry a correction replaced (once; a redelivery changes nothing). */
    void supersedeAmbition(String factId, Instant at, String by) {
        jdbc.sql("""
                        update programme_ambition_level set superseded_at = :at, superseded_by = :by
                         where fact_id = :id and (superseded_at is null or superseded_by = :by)""")
                .param("at", Timestamp.from(at)).param("by", by).param("id", factId)
                .update();
    }

    void deleteAll() {
        for (String table : List.of("programme_created", "programme_goal_added", "programme_delmal_added",
                "programme_delmal_renamed", "programme_indicator_defined", "programme_retired",
                "programme_ambition_rule", "programme_ambition_level", "programme_target_value",
                "programme_indicator_source", "programme_provenance")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    /** How one table is read into facts: its kind (null: its entity_kind column), entity and parent columns. */
    private enum Table {
        CREATED("programme_created", Kind.PROGRAMME, Attribute.ADDED, "programme_id", null, "ProgrammeCreated"),
        GOAL("programme_goal_added", Kind.GOAL, Attribute.ADDED, "goal_id", "programme_id", "GoalAdded"),
        DELMAL("programme_delmal_added", Kind.DELMAL, Attribute.ADDED, "delmal_id", "goal_id", "DelmalAdded"),
        RENAMED("programme_delmal_renamed", Kind.DELMAL, Attribute.NAME, "delmal_id", "goal_id", "DelmalRenamed"),
        INDICATOR("programme_indicator_defined", Kind.INDICATOR, Attribute.ADDED, "indicator_id", "delmal_id",
                "IndicatorDefined"),
        RETIRED("programme_retired", null, Attribute.RETIRED, "entity_id", "parent_id", null),
        AMBITION("programme_ambition_level", Kind.INDICATOR, Attribute.AMBITION, "indicator_id", null, null),
        TARGET("programme_target_value", Kind.INDICATOR, Attribute.TARGET, "indicator_id", null, "TargetValueSet"),
        SOURCE("programme_indicator_source", Kind.INDICATOR, Attribute.SOURCE, "indicator_id", null,
                "IndicatorSourceChanged");

        final String name;
        final Kind kind;
        final Attribute attribute;
        final String entity;
        final String parent;
        final String eventType;

        Table(String name, Kind kind, Attribute attribute, String entity, String parent, String eventType) {
            this.name = name;
            this.kind = kind;
            this.attribute = attribute;
            this.entity = entity;
            this.parent = parent;
            this.eventType = eventType;
        }

        /** The tables holding facts of one kind of entity. */
        static List<Table> of(Kind kind) {
            return switch (kind) {
                case PROGRAMME -> List.of(CREATED);
                case GOAL -> List.of(GOAL);
                case DELMAL -> List.of(DELMAL, RENAMED, RETIRED);
                case INDICATOR -> List.of(INDICATOR, RETIRED, AMBITION, TARGET, SOURCE);
            };
        }

        /** Restricts the retirement table to one kind of entity. */
        String kindCondition(Kind of) {
            return kind == null ? " and t.entity_kind = '" + of.name() + "'" : "";
        }

        String select() {
            return "select t.*, p.origin, p.history_file, p.history_file_version, p.source_document, p.source_locator, "
                    + "p.source_quote, p.source_document_date, p.note as provenance_note from " + name
                    + " t left join programme_provenance p on p.fact_id = t.fact_id";
        }
    }

    /** The programme's delmål and indicators (as ever recorded), which its facts are found through. */
    private record Members(List<String> delmal, List<String> indicators) {
    }

    private Members members(String programmeId) {
        List<String> delmal = jdbc.sql("select distinct delmal_id from programme_delmal_added where programme_id = :p")
                .param("p", programmeId).query(String.class).list();
        List<String> indicators = delmal.isEmpty() ? List.of() : jdbc.sql("""
                        select distinct indicator_id from programme_indicator_defined
                         where delmal_id = any(cast(:ids as text[]))""")
                .param("ids", delmal.toArray(String[]::new)).query(String.class).list();
        return new Members(delmal, indicators);
    }

    /** Which of a table's rows belong to the programme (the programme, goals, delmål and indicators). */
    private static String belongs(Table table) {
        return switch (table) {
            case CREATED, GOAL, DELMAL -> "t.programme_id = :programme";
            case RENAMED -> "t.delmal_id = any(cast(:delmal as text[]))";
            case INDICATOR -> "t.delmal_id = any(cast(:delmal as text[]))";
            case RETIRED -> "((t.entity_kind = 'DELMAL' and t.entity_id = any(cast(:delmal as text[])))"
                    + " or (t.entity_kind = 'INDICATOR' and t.entity_id = any(cast(:indicators as text[]))))";
            case AMBITION, TARGET, SOURCE -> "t.indicator_id = any(cast(:indicators as text[]))";
        };
    }

    /**
     * For each entity and kind of fact of the programme, the fact in force on validAt as recorded
     * by knownAt; with documentedBy, only facts a paper dated up to that day gives.
     */
    List<Fact> inForce(String programmeId, LocalDate validAt, Instant knownAt, LocalDate documentedBy) {
        Members members = members(programmeId);
        List<Fact> facts = new ArrayList<>();
        for (Table table : Table.values()) {
            String entity = table == Table.RETIRED ? "t.entity_kind, t.entity_id" : "t." + table.entity;
            String sql = table.select().replaceFirst("^select ", "select distinct on (" + entity + ") ")
                    + " where " + belongs(table) + " and t.recorded_at <= :knownAt"
                    + " and (t.superseded_at is null or t.superseded_at > :knownAt) and t.valid_from <= :validAt"
                    + (documentedBy == null ? "" : " and " + documented(table))
                    + " order by " + entity + ", t.valid_from desc, t.order_index desc";
            facts.addAll(read(table, jdbc.sql(sql).param("programme", programmeId)
                    .param("delmal", members.delmal().toArray(String[]::new))
                    .param("indicators", members.indicators().toArray(String[]::new))
                    .param("knownAt", Timestamp.from(knownAt)).param("validAt", validAt)
                    .param("documentedBy", documentedBy)));
        }
        return facts;
    }

    /** Whether a paper dated up to :documentedBy gives the fact (its documented_on, written with it). */
    private static String documented(Table table) {
        return table == Table.SOURCE ? "p.source_document_date <= :documentedBy" : "t.documented_on <= :documentedBy";
    }

    /** The days on which a decided fact of the programme (or of one of its indicators) took effect, as recorded by knownAt. */
    List<LocalDate> changeDates(String programmeId, Instant knownAt) {
        Members members = members(programmeId);
        List<String> parts = new ArrayList<>();
        for (Table table : Table.values()) {
            // a data source is Målspår's own mapping, not a decided change of the programme
            if (table != Table.SOURCE) {
                parts.add("select t.valid_from from " + table.name + " t where " + belongs(table)
                        + " and t.recorded_at <= :knownAt and (t.superseded_at is null or t.superseded_at > :knownAt)");
            }
        }
        return jdbc.sql("select distinct valid_from from (" + String.join(" union all ", parts) + ") d order by valid_from")
                .param("programme", programmeId).param("delmal", members.delmal().toArray(String[]::new))
                .param("indicators", members.indicators().toArray(String[]::new)).param("knownAt", Timestamp.from(knownAt))
                .query(LocalDate.class).list();
    }

    /** Every fact of the entities, in the order they were recorded. */
    List<Fact> ofEntities(Kind kind, Collection<String> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        for (Table table : Table.of(kind)) {
            facts.addAll(read(table, jdbc.sql(table.select() + " where t." + table.entity + " = any(cast(:ids as text[]))"
                    + table.kindCondition(kind)).param("ids", entityIds.toArray(String[]::new))));
        }
        facts.sort(Comparator.comparingLong(Fact::globalIndex));
        return facts;
    }

    List<Fact> ofEntity(Kind kind, String entityId) {
        return ofEntities(kind, List.of(entityId));
    }

    /** Facts a decision authorised (corrections are not authorised by a decision and are left out). */
    List<Fact> authorisedBy(String decisionId) {
        List<Fact> facts = new ArrayList<>();
        for (Table table : Table.values()) {
            if (table != Table.SOURCE) {
                facts.addAll(read(table, jdbc.sql(table.select() + " where t.decision_id = :id"
                        + (table == Table.AMBITION ? " and t.correction_of is null" : "")).param("id", decisionId)));
            }
        }
        facts.sort(Comparator.comparingLong(Fact::globalIndex));
        return facts;
    }

    /** Every programme's creation. */
    List<Fact> programmes() {
        return read(Table.CREATED, jdbc.sql(Table.CREATED.select() + " order by t.programme_id, t.global_index"));
    }

    /** The programme of a delmål, from its addition. */
    Optional<String> programmeOfDelmal(String delmalId) {
        return jdbc.sql("select programme_id from programme_delmal_added where delmal_id = :id limit 1")
                .param("id", delmalId).query(String.class).optional();
    }

    private List<Fact> read(Table table, JdbcClient.StatementSpec statement) {
        List<Fact> facts = statement.query((rs, n) -> fact(table, rs)).list();
        if (table == Table.AMBITION && !facts.isEmpty()) {
            addRules(facts);
        }
        return facts;
    }

    /** Fills each ambition level's (empty) rules array from its rules, in their order. */
    private void addRules(List<Fact> ambitions) {
        Map<String, ArrayNode> byFact = new HashMap<>();
        ambitions.forEach(f -> byFact.put(f.factId(), (ArrayNode) f.value().get("rules")));
        jdbc.sql("select * from programme_ambition_rule where fact_id = any(cast(:ids as text[])) order by fact_id, position")
                .param("ids", byFact.keySet().toArray(String[]::new))
                .query((rs, n) -> {
                    byFact.get(rs.getString("fact_id")).add(ProgrammeJson.tree(new AmbitionRule(
                            RuleComparator.valueOf(rs.getString("comparator")),
                            RuleReference.valueOf(rs.getString("reference")), rs.getBigDecimal("margin"),
                            rs.getString("margin_unit") == null ? null : MarginUnit.valueOf(rs.getString("margin_unit")),
                            (Integer) rs.getObject("target_year"), rs.getString("target_group"))));
                    return null;
                }).list();
    }

    private static Fact fact(Table table, ResultSet rs) throws SQLException {
        Kind kind = table.kind != null ? table.kind : Kind.valueOf(rs.getString("entity_kind"));
        boolean decided = table != Table.SOURCE;
        boolean ambition = table == Table.AMBITION;
        String eventType = table.eventType != null ? table.eventType
                : table == Table.RETIRED ? (kind == Kind.DELMAL ? "DelmalRetired" : "IndicatorRetired")
                : rs.getBoolean("correction") ? "AmbitionLevelCorrected" : "AmbitionLevelSet";
        String decisionId = decided ? rs.getString("decision_id") : null;
        return new Fact(rs.getString("fact_id"), rs.getLong("global_index"), rs.getLong("order_index"), eventType, kind,
                rs.getString(table.entity), table.parent == null ? null : rs.getString(table.parent), table.attribute,
                value(table, rs), rs.getObject("valid_from", LocalDate.class),
                decisionId == null ? null : new DecisionReference(new DecisionId(decisionId), rs.getString("citation")),
                new Fact.Recorded(rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                        instant(rs.getTimestamp("superseded_at")), rs.getString("superseded_by"),
                        ambition ? rs.getString("correction_of") : null,
                        ambition ? rs.getString("correction_reason") : table == Table.SOURCE ? rs.getString("reason") : null),
                provenance(rs));
    }

    /** The fact's content in the API's shape, from its table's columns. */
    private static JsonNode value(Table table, ResultSet rs) throws SQLException {
        ObjectNode v = ProgrammeJson.object();
        switch (table) {
            case CREATED -> precision(v.put("name", rs.getString("name")).put("ownerOrgan", rs.getString("owner_organ")), rs);
            case GOAL -> precision(v.put("name", rs.getString("name")).put("goalArea", rs.getString("goal_area")), rs);
            case DELMAL -> precision(v.put("name", rs.getString("name")).put("description", rs.getString("description")), rs);
            case RENAMED -> v.put("name", rs.getString("name")).put("previousName", rs.getString("previous_name"));
            case INDICATOR -> {
                v.put("name", rs.getString("name")).put("unit", rs.getString("unit")).put("kind", rs.getString("kind"))
                        .put("direction", rs.getString("direction"))
                        .put("politicallyDecidedTarget", rs.getBoolean("politically_decided_target"))
                        .put("note", rs.getString("note")).put("directionBasis", rs.getString("direction_basis"))
                        .put("directionReason", rs.getString("direction_reason"));
                v.set("source", ProgrammeJson.tree(source(rs, "source_kind", "source_kpi")));
                precision(v, rs);
            }
            case RETIRED -> {
            }
            case AMBITION -> {
                v.put("text", rs.getString("text"));
                v.putArray("rules");
                Integer year = (Integer) rs.getObject("target_year");
                if (year == null) {
                    v.putNull("targetYear");
                } else {
                    v.put("targetYear", year);
                }
                v.put("ambiguous", rs.getBoolean("ambiguous"));
                ArrayNode findings = v.putArray("findings");
                Array array = rs.getArray("findings");
                Arrays.stream((String[]) array.getArray()).forEach(findings::add);
                v.put("rulesSource", rs.getString("rules_source"));
                v.put("status", rs.getString("status"));
                precision(v, rs);
            }
            case TARGET -> v.put("value", rs.getBigDecimal("value")).put("year", rs.getInt("year"));
            case SOURCE -> {
                v.set("before", ProgrammeJson.tree(source(rs, "before_kind", "before_kpi")));
                v.set("after", ProgrammeJson.tree(source(rs, "after_kind", "after_kpi")));
            }
        }
        return v;
    }

    private static IndicatorSource source(ResultSet rs, String kind, String kpi) throws SQLException {
        String k = rs.getString(kind);
        String id = rs.getString(kpi);
        return k == null && id == null ? null : new IndicatorSource(k == null ? null : SourceKind.valueOf(k), id);
    }

    /** A date the paper gives only to the month or year says so in the value; a day stays as before. */
    private static void precision(ObjectNode value, ResultSet rs) throws SQLException {
        DatePrecision precision = DatePrecision.valueOf(rs.getString("date_precision"));
        if (precision != DatePrecision.DAY) {
            value.put("effectiveFromPrecision", precision.name());
        }
    }

    private static JsonNode provenance(ResultSet rs) throws SQLException {
        Source s = new Source(rs.getString("origin"), rs.getString("history_file"), rs.getString("history_file_version"),
                rs.getString("source_document"), rs.getString("source_locator"), rs.getString("source_quote"),
                rs.getObject("source_document_date", LocalDate.class), rs.getString("provenance_note"));
        return s.equals(new Source(null, null, null, null, null, null, null, null)) ? null : s.json();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
