package se.malspar.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The observations of the programme read model: measurements and fulfilment verdicts per
 * indicator and period, a newer one superseding the older in recorded time. Inserts only, plus
 * closing recorded time; owns its batching like {@link ProgrammeRows}.
 */
@Repository
class ObservationRows {

    /**
     * A verdict's columns without its inputs and steps. The inputs carry the indicator's
     * observations up to the period, several kilobytes each: an indicator's whole history of
     * verdicts with them ran to hundreds of megabytes on a long indicator. Lists and trees read
     * verdicts without them; one period's fulfilment reads them.
     */
    private static final String VERDICT_WITHOUT_INPUTS = """
            fact_id, global_index, indicator_id, period, period_order, source, verdict, principle_version,
            based_on_period, carried_forward, null as inputs, null as steps, explanation_sv, explanation_en,
            motivation, decision_id, citation, recorded_at, recorded_by, superseded_at, superseded_by
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    private final UnitOfWorkBatch<NewMeasurement> measurements;
    private final UnitOfWorkBatch<Verdict> verdicts;

    ObservationRows(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
        this.measurements = new UnitOfWorkBatch<>("measurements", this::insertMeasurements);
        this.verdicts = new UnitOfWorkBatch<>("verdicts", this::insertVerdicts);
    }

    /** Writes the measurement with the batch (at once outside a unit of work). */
    void add(NewMeasurement measurement) {
        measurements.add(measurement);
    }

    /** Writes the verdict with the batch (at once outside a unit of work). */
    void add(Verdict verdict) {
        verdicts.add(verdict);
    }

    /** One measurement as its event recorded it, not yet written. */
    record NewMeasurement(String factId, long globalIndex, String indicatorId, String period, int periodOrder,
                          BigDecimal value, Boolean done, String dataPeriod, Map<ReferenceArea, BigDecimal> referenceValues,
                          MeasurementSource source, String note, Instant recordedAt, String recordedBy) {
    }

    private static MapSqlParameterSource parameters(NewMeasurement m) {
        MeasurementSource source = m.source();
        // The figures as two arrays in the order of their area ids: area i has value i.
        Map<String, BigDecimal> figures = source == null ? Map.of() : new TreeMap<>(source.figures());
        return new MapSqlParameterSource()
                .addValue("factId", m.factId()).addValue("globalIndex", m.globalIndex())
                .addValue("indicator", m.indicatorId()).addValue("period", m.period())
                .addValue("order", m.periodOrder()).addValue("value", m.value()).addValue("done", m.done())
                .addValue("dataPeriod", m.dataPeriod())
                .addValue("national", m.referenceValues().get(ReferenceArea.NATIONAL))
                .addValue("county", m.referenceValues().get(ReferenceArea.COUNTY))
                .addValue("sourceKind", source == null || source.kind() == null ? null : source.kind().name())
                .addValue("sourceKpi", source == null ? null : source.kpi())
                .addValue("areaIds", source == null ? null : source.areaIds().toArray(String[]::new))
                .addValue("url", source == null ? null : source.url())
                .addValue("fetchedAt", source == null || source.fetchedAt() == null ? null : Timestamp.from(source.fetchedAt()))
                .addValue("figureAreas", source == null ? null : figures.keySet().toArray(String[]::new))
                .addValue("figureValues", source == null ? null : figures.values().toArray(BigDecimal[]::new))
                .addValue("note", m.note())
                .addValue("recordedAt", Timestamp.from(m.recordedAt())).addValue("recordedBy", m.recordedBy());
    }

    /**
     * Writes measurements handled in event order as if one at a time: each is inserted once (a
     * redelivered one changes nothing and supersedes nothing), and each newly inserted one
     * supersedes the earlier current measurements of its period, both rows staying. One JDBC batch
     * and one update for all of them.
     */
    void insertMeasurements(List<NewMeasurement> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] counts = named.batchUpdate("""
                        insert into programme_measurement (fact_id, global_index, indicator_id, period, period_order, value,
                            done, data_period, reference_national, reference_county, source_kind, source_kpi,
                            source_area_ids, source_url, source_fetched_at, source_figure_areas, source_figure_values,
                            note, recorded_at, recorded_by)
                        values (:factId, :globalIndex, :indicator, :period, :order, :value, :done, :dataPeriod,
                            :national, :county, :sourceKind, :sourceKpi, cast(:areaIds as text[]), :url, :fetchedAt,
                            cast(:figureAreas as text[]), cast(:figureValues as numeric[]), :note, :recordedAt, :recordedBy)
                        on conflict (fact_id) do nothing""",
                rows.stream().map(ObservationRows::parameters).toArray(SqlParameterSource[]::new));
        List<String> inserted = inserted(rows, counts, NewMeasurement::factId);
        if (inserted.isEmpty()) {
            return;
        }
        // One at a time, each new measurement n closes every current row of its period below it; a
        // row is thus closed by the first new measurement above it. That is this join: n above m
        // with no other new measurement of the period between them. period_order (a function of
        // period) lets the (indicator_id, period_order, global_index) index find m.
        jdbc.sql("""
                        with n as (select fact_id, global_index, indicator_id, period_order, period, recorded_at
                                     from programme_measurement where fact_id in (:inserted))
                        update programme_measurement m set superseded_at = n.recorded_at, superseded_by = n.fact_id
                          from n
                         where m.indicator_id = n.indicator_id and m.period_order = n.period_order and m.period = n.period
                           and m.global_index < n.global_index and m.superseded_at is null
                           and not exists (select 1 from n between_them
                                            where between_them.indicator_id = n.indicator_id
                                              and between_them.period_order = n.period_order
                                              and between_them.period = n.period
                                              and between_them.global_index > m.global_index
                                              and between_them.global_index < n.global_index)""")
                .param("inserted", inserted)
                .update();
    }

    /** The ids of the rows a batch of {@code insert … on conflict do nothing} inserted. */
    private static <T> List<String> inserted(List<T> rows, int[] counts, Function<T, String> id) {
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] < 0) {
                // Without per-row counts (e.g. reWriteBatchedInserts) a redelivered row could
                // supersede rows it never superseded: refuse, the batch is retried, nothing is written.
                throw new IllegalStateException("the JDBC driver did not report which rows were inserted");
            }
            if (counts[i] > 0) {
                inserted.add(id.apply(rows.get(i)));
            }
        }
        return inserted;
    }


    /**
     * Writes verdicts handled in event order as if one at a time, like {@link #insertMeasurements}:
     * each newly inserted one supersedes the earlier current verdicts of the same source for the
     * same period.
     */
    void insertVerdicts(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return;
        }
        int[] counts = named.batchUpdate("""
                        insert into programme_verdict (fact_id, global_index, indicator_id, period, period_order, source,
                            verdict, principle_version, based_on_period, carried_forward, inputs, steps, explanation_sv,
                            explanation_en, motivation, decision_id, citation, recorded_at, recorded_by)
                        values (:factId, :globalIndex, :indicator, :period, :order, :source, :verdict, :version,
                            :basedOn, :carried, cast(:inputs as jsonb), cast(:steps as jsonb), :sv, :en, :motivation,
                            :decisionId, :citation, :recordedAt, :recordedBy)
                        on conflict (fact_id) do nothing""",
                verdicts.stream().map(v -> new MapSqlParameterSource()
                        .addValue("factId", v.factId()).addValue("globalIndex", v.globalIndex())
                        .addValue("indicator", v.indicatorId()).addValue("period", v.period())
                        .addValue("order", v.periodOrder()).addValue("source", v.source())
                        .addValue("verdict", v.verdict()).addValue("version", v.principleVersion())
                        .addValue("basedOn", v.basedOnPeriod()).addValue("carried", v.carriedForward())
                        .addValue("inputs", v.inputs() == null ? null : ProgrammeJson.json(v.inputs()))
                        .addValue("steps", v.steps() == null ? null : ProgrammeJson.json(v.steps()))
                        .addValue("sv", v.explanationSv()).addValue("en", v.explanationEn())
                        .addValue("motivation", v.motivation()).addValue("decisionId", v.decisionId())
                        .addValue("citation", v.citation()).addValue("recordedAt", Timestamp.from(v.recordedAt()))
                        .addValue("recordedBy", v.recordedBy()))
                        .toArray(SqlParameterSource[]::new));
        List<String> inserted = inserted(verdicts, counts, Verdict::factId);
        if (inserted.isEmpty()) {
            return;
        }
        // As for measurements; period_order lets the (indicator_id, period_order, source, global_index)
        // index find m.
        jdbc.sql("""
                        with n as (select fact_id, global_index, indicator_id, period_order, period, source, recorded_at
                                     from programme_verdict where fact_id in (:inserted))
                        update programme_verdict m set superseded_at = n.recorded_at, superseded_by = n.fact_id
                          from n
                         where m.indicator_id = n.indicator_id and m.period_order = n.period_order and m.period = n.period
                           and m.source = n.source and m.global_index < n.global_index and m.superseded_at is null
                           and not exists (select 1 from n between_them
                                            where between_them.indicator_id = n.indicator_id
                                              and between_them.period_order = n.period_order
                                              and between_them.period = n.period
                                              and between_them.source = n.source
                                              and between_them.global_index > m.global_index
                                              and between_them.global_index < n.global_index)""")
                .param("inserted", inserted)
                .update();
    }

    /**
     * The latest report period in which any of the indicators has a current verdict, as recorded by
     * knownAt. One short backward index scan per indicator, however long its history.
     */
    Optional<String> latestVerdictPeriod(Collection<String> indicatorIds, Instant knownAt) {
        if (indicatorIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select v.period from unnest(cast(array[:ids] as text[])) as i(id)
                         cross join lateral (
                               select period, period_order from programme_verdict pv
                                where pv.indicator_id = i.id and pv.recorded_at <= :knownAt
                                  and (pv.superseded_at is null or pv.superseded_at > :knownAt)
                                order by pv.period_order desc limit 1) v
                         order by v.period_order desc limit 1""")
                .param("ids", indicatorIds).param("knownAt", Timestamp.from(knownAt))
                .query(String.class).optional();
    }

    /** The current verdicts (each source's latest) of the indicators for one period, as recorded by knownAt. */
    List<Verdict> currentVerdicts(Collection<String> indicatorIds, String period, Instant knownAt) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + VERDICT_WITHOUT_INPUTS + """
                          from programme_verdict
                         where indicator_id in (:ids) and period_order = :order and period = :period
                           and recorded_at <= :knownAt and (superseded_at is null or superseded_at > :knownAt)
                         order by indicator_id, period_order, source, global_index""")
                .param("ids", indicatorIds).param("order", FollowUpPeriod.order(period)).param("period", period)
                .param("knownAt", Timestamp.from(knownAt))
                .query(ObservationRows::verdict).list();
    }

    /** Every verdict of the indicator, without inputs and steps. */
    List<Verdict> verdictsOf(String indicatorId) {
        return jdbc.sql("select " + VERDICT_WITHOUT_INPUTS
                        + " from programme_verdict where indicator_id = :id order by period_order, global_index")
                .param("id", indicatorId)
                .query(ObservationRows::verdict).list();
    }

    /** Every verdict of the indicator for one period, with inputs and steps. */
    List<Verdict> verdictsOf(String indicatorId, String period) {
        return jdbc.sql("""
                        select * from programme_verdict
                         where indicator_id = :id and period_order = :order and period = :period
                         order by global_index""")
                .param("id", indicatorId).param("order", FollowUpPeriod.order(period)).param("period", period)
                .query(ObservationRows::verdict).list();
    }

    /** The latest period in which the indicator has any verdict, current or superseded. */
    Optional<String> latestVerdictPeriodOf(String indicatorId) {
        return jdbc.sql("""
                        select period from programme_verdict where indicator_id = :id
                         order by period_order desc limit 1""")
                .param("id", indicatorId).query(String.class).optional();
    }

    void deleteAll() {
        jdbc.sql("delete from programme_verdict").update();
        jdbc.sql("delete from programme_measurement").update();
    }


    /**
     * The latest measurement of each indicator as recorded by knownAt: one short backward scan of
     * the indicator's index per indicator, so the cost does not grow with the length of histories.
     */
    List<Measurement> latestMeasurements(Collection<String> indicatorIds, Instant knownAt) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select m.* from unnest(cast(array[:ids] as text[])) as i(id)
                         cross join lateral (
                               select * from programme_measurement pm
                                where pm.indicator_id = i.id and pm.recorded_at <= :knownAt
                                  and (pm.superseded_at is null or pm.superseded_at > :knownAt)
                                order by pm.period_order desc, pm.global_index desc limit 1) m
                         order by m.indicator_id""")
                .param("ids", indicatorIds).param("knownAt", Timestamp.from(knownAt))
                .query(ObservationRows::measurement).list();
    }


    List<Measurement> measurementsOf(String indicatorId) {
        return jdbc.sql("select * from programme_measurement where indicator_id = :id order by period_order, global_index")
                .param("id", indicatorId)
                .query(ObservationRows::measurement).list();
    }



    private static Measurement measurement(ResultSet rs, int n) throws SQLException {
        Map<ReferenceArea, BigDecimal> references = new EnumMap<>(ReferenceArea.class);
        if (rs.getBigDecimal("reference_national") != null) {
            references.put(ReferenceArea.NATIONAL, rs.getBigDecimal("reference_national"));
        }
        if (rs.getBigDecimal("reference_county") != null) {
            references.put(ReferenceArea.COUNTY, rs.getBigDecimal("reference_county"));
        }
        return new Measurement(rs.getString("fact_id"), rs.getLong("global_index"), rs.getString("indicator_id"),
                rs.getString("period"), rs.getBigDecimal("value"), (Boolean) rs.getObject("done"),
                rs.getString("data_period"), references, source(rs), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                instant(rs.getTimestamp("superseded_at")), rs.getString("superseded_by"));
    }

    /** The measurement's source from its columns; null when the event gave none (no area ids then). */
    private static MeasurementSource source(ResultSet rs) throws SQLException {
        Array areaIds = rs.getArray("source_area_ids");
        if (areaIds == null) {
            return null;
        }
        String[] areas = (String[]) rs.getArray("source_figure_areas").getArray();
        BigDecimal[] values = (BigDecimal[]) rs.getArray("source_figure_values").getArray();
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (int i = 0; i < areas.length; i++) {
            figures.put(areas[i], values[i]);
        }
        String kind = rs.getString("source_kind");
        return new MeasurementSource(kind == null ? null : SourceKind.valueOf(kind), rs.getString("source_kpi"),
                List.of((String[]) areaIds.getArray()), rs.getString("source_url"), instant(rs.getTimestamp("source_fetched_at")),
                figures);
    }

    private static Verdict verdict(ResultSet rs, int n) throws SQLException {
        try {
            String inputs = rs.getString("inputs");
            String steps = rs.getString("steps");
            return new Verdict(rs.getString("fact_id"), rs.getLong("global_index"), rs.getString("indicator_id"),
                    rs.getString("period"), rs.getInt("period_order"), rs.getString("source"), rs.getString("verdict"),
                    rs.getString("principle_version"), rs.getString("based_on_period"),
                    (Boolean) rs.getObject("carried_forward"), inputs == null ? null : ProgrammeJson.JSON.readTree(inputs),
                    steps == null ? null : ProgrammeJson.JSON.readTree(steps), rs.getString("explanation_sv"),
                    rs.getString("explanation_en"), rs.getString("motivation"), rs.getString("decision_id"),
                    rs.getString("citation"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                    instant(rs.getTimestamp("superseded_at")), rs.getString("superseded_by"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** One row of {@code programme_verdict}: a computed verdict (source COMPUTED) or a human assessment (HUMAN). */
    record Verdict(String factId, long globalIndex, String indicatorId, String period, int periodOrder, String source,
                   String verdict, String principleVersion, String basedOnPeriod, Boolean carriedForward,
                   JsonNode inputs, JsonNode steps, String explanationSv, String explanationEn, String motivation,
                   String decisionId, String citation, Instant recordedAt, String recordedBy, Instant supersededAt,
                   String supersededBy) {
    }

    /** One row of {@code programme_measurement}. */
    record Measurement(String factId, long globalIndex, String indicatorId, String period, BigDecimal value,
                       Boolean done, String dataPeriod, Map<ReferenceArea, BigDecimal> referenceValues,
                       MeasurementSource source, String note,
                       Instant recordedAt, String recordedBy, Instant supersededAt, String supersededBy) {
    }
}
