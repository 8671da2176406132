package se.malspar.query.programme;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.QuerySideApplication;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measurements and verdicts written a batch at a time end up exactly as the former one-event-at-a-
 * time statements (kept here as the reference) leave them, also when batches redeliver events
 * already written. Random histories; everything is rolled back.
 */
@MalsparApplicationTest(classes = QuerySideApplication.class)
class BatchedSupersedeTest {

    private static final List<String> PERIODS = List.of("2021-AR", "2022-T1", "2022-AR");
    private static final List<String> SOURCES = List.of("COMPUTED", "HUMAN");

    @Autowired
    ObservationRows facts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** One event of a history: its position, period, source (verdicts) and timestamp. */
    private record Event(int n, long globalIndex, String period, String source, Instant at) {
    }

    private static List<Event> history(Random random, int size) {
        List<Event> events = new ArrayList<>();
        long index = 1000 + random.nextInt(1000);
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (int n = 0; n < size; n++) {
            index += 1 + random.nextInt(3);
            // Microseconds, as PostgreSQL keeps them; sometimes the same instant twice.
            at = at.plusNanos(1000L * random.nextInt(3) * (1 + random.nextInt(5_000_000)));
            events.add(new Event(n, index, PERIODS.get(random.nextInt(PERIODS.size())),
                    SOURCES.get(random.nextInt(SOURCES.size())), at));
        }
        return events;
    }

    /**
     * Batches as a processor delivers them: in order, each ending after the previous one; some start
     * before the previous one ended (events written already are delivered again).
     */
    private static List<List<Event>> batches(Random random, List<Event> history) {
        List<List<Event>> batches = new ArrayList<>();
        int from = 0;
        while (from < history.size()) {
            int start = random.nextInt(3) == 0 ? Math.max(0, from - 1 - random.nextInt(6)) : from;
            int end = Math.min(history.size(), from + 1 + random.nextInt(12));
            batches.add(history.subList(start, end));
            from = end;
        }
        // Sometimes a batch of nothing but events written already.
        if (random.nextBoolean()) {
            batches.add(history.subList(Math.max(0, history.size() - 4), history.size()));
        }
        // Sometimes a batch comes before an earlier one (no processor does that, but the writes are
        // still the same as one at a time: only the order within a batch is relied on).
        if (batches.size() > 2 && random.nextInt(4) == 0) {
            int i = random.nextInt(batches.size() - 1);
            batches.add(i, batches.remove(i + 1));
        }
        return batches;
    }

    private static ObservationRows.NewMeasurement measurement(String prefix, Event e) {
        return new ObservationRows.NewMeasurement(prefix + e.n(), e.globalIndex(), prefix + "indicator", e.period(),
                FollowUpPeriod.order(e.period()), BigDecimal.valueOf(e.n(), 1), e.n() % 2 == 0 ? null : true, "2022",
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6")),
                e.n() % 3 == 0 ? null : MeasurementSource.of(SourceKind.MANUAL, null, null, null), null, e.at(), "strategy");
    }

    private static ObservationRows.Verdict verdict(String prefix, Event e) {
        return new ObservationRows.Verdict(prefix + e.n(), e.globalIndex(), prefix + "indicator", e.period(),
                FollowUpPeriod.order(e.period()), e.source(), "GREEN", null, null, null, null, null, null, null,
                "motivering " + e.n(), null, null, e.at(), "strategy", null, null);
    }

    /** The measurement statements as they were, one event at a time. */
    private void referenceMeasurement(ObservationRows.NewMeasurement m) {
        int inserted = jdbc.sql("""
                        insert into programme_measurement (fact_id, global_index, indicator_id, period, period_order, value,
                            done, data_period, reference_national, source_kind, source_area_ids, source_figure_areas,
                            source_figure_values, note, recorded_at, recorded_by)
                        values (:factId, :globalIndex, :indicator, :period, :order, :value, :done, :dataPeriod,
                            :national, :sourceKind, cast(:areas as text[]), cast(:areas as text[]), cast(:values as numeric[]),
                            :note, :recordedAt, :recordedBy)
                        on conflict (fact_id) do nothing""")
                .param("factId", m.factId()).param("globalIndex", m.globalIndex()).param("indicator", m.indicatorId())
                .param("period", m.period()).param("order", m.periodOrder()).param("value", m.value())
                .param("done", m.done()).param("dataPeriod", m.dataPeriod())
                .param("national", m.referenceValues().get(ReferenceArea.NATIONAL))
                .param("sourceKind", m.source() == null ? null : m.source().kind().name())
                .param("areas", m.source() == null ? null : new String[0])
                .param("values", m.source() == null ? null : new BigDecimal[0]).param("note", m.note())
                .param("recordedAt", Timestamp.from(m.recordedAt())).param("recordedBy", m.recordedBy())
                .update();
        if (inserted > 0) {
            jdbc.sql("""
                            update programme_measurement set superseded_at = :at, superseded_by = :by
                             where indicator_id = :indicator and period_order = :order and period = :period
                               and global_index < :globalIndex and superseded_at is null""")
                    .param("at", Timestamp.from(m.recordedAt())).param("by", m.factId())
                    .param("indicator", m.indicatorId()).param("order", m.periodOrder()).param("period", m.period())
                    .param("globalIndex", m.globalIndex())
                    .update();
        }
    }

    /** The verdict statements as they were, one event at a time (the columns that matter here). */
    private void referenceVerdict(ObservationRows.Verdict v) {
        int inserted = jdbc.sql("""
                        insert into programme_verdict (fact_id, global_index, indicator_id, period, period_order, source,
                            verdict, motivation, recorded_at, recorded_by)
                        values (:factId, :globalIndex, :indicator, :period, :order, :source, :verdict, :motivation,
                            :recordedAt, :recordedBy)
                        on conflict (fact_id) do nothing""")
                .param("factId", v.factId()).param("globalIndex", v.globalIndex()).param("indicator", v.indicatorId())
                .param("period", v.period()).param("order", v.periodOrder()).param("source", v.source())
                .param("verdict", v.verdict()).param("motivation", v.motivation())
                .param("recordedAt", Timestamp.from(v.recordedAt())).param("recordedBy", v.recordedBy())
                .update();
        if (inserted > 0) {
            jdbc.sql("""
                            update programme_verdict set superseded_at = :at, superseded_by = :by
                             where indicator_id = :indicator and period = :period and source = :source
                               and global_index < :globalIndex and superseded_at is null""")
                    .param("at", Timestamp.from(v.recordedAt())).param("by", v.factId())
                    .param("indicator", v.indicatorId()).param("period", v.period()).param("source", v.source())
                    .param("globalIndex", v.globalIndex())
                    .update();
        }
    }

    /** Every row of the prefix's indicator as text, its own prefix taken out of the ids. */
    private List<String> rows(String table, String prefix) {
        return jdbc.sql("select t::text from " + table + " t where indicator_id = :indicator order by global_index, fact_id")
                .param("indicator", prefix + "indicator")
                .query(String.class).list().stream().map(row -> row.replace(prefix, "")).toList();
    }

    @Test
    void batchesOfMeasurementsAndVerdictsSupersedeExactlyAsOneEventAtATime() {
        AtomicInteger superseded = new AtomicInteger();
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            List<Event> history = history(random, 1 + random.nextInt(60));
            List<List<Event>> batches = batches(random, history);
            String reference = "ref-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            String batched = "set-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            int s = seed;
            transactions.executeWithoutResult(tx -> {
                for (List<Event> batch : batches) {
                    batch.forEach(e -> referenceMeasurement(measurement(reference, e)));
                    batch.forEach(e -> referenceVerdict(verdict(reference, e)));
                    facts.insertMeasurements(batch.stream().map(e -> measurement(batched, e)).toList());
                    facts.insertVerdicts(batch.stream().map(e -> verdict(batched, e)).toList());
                }
                List<String> measurements = rows("programme_measurement", reference);
                assertThat(measurements).as("seed %d", s).hasSize(history.size());
                superseded.addAndGet(jdbc.sql("""
                                select count(*) from programme_measurement where indicator_id = :indicator
                                   and superseded_at is not null""")
                        .param("indicator", reference + "indicator").query(Integer.class).single());
                assertThat(rows("programme_measurement", batched)).as("seed %d", s).isEqualTo(measurements);
                assertThat(rows("programme_verdict", batched)).as("seed %d", s)
                        .isEqualTo(rows("programme_verdict", reference));
                tx.setRollbackOnly();
            });
        }
        // The histories did supersede.
        assertThat(superseded.get()).isGreaterThan(500);
    }

    @Test
    void aLongBatchRedeliveredWholeSupersedesExactlyAsOneEventAtATime() {
        Random random = new Random(7);
        // One batch of 300 events (about 100 per period), then all of them again.
        List<Event> history = history(random, 300);
        String reference = "ref-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String batched = "set-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        transactions.executeWithoutResult(tx -> {
            history.forEach(e -> referenceMeasurement(measurement(reference, e)));
            history.forEach(e -> referenceVerdict(verdict(reference, e)));
            facts.insertMeasurements(history.stream().map(e -> measurement(batched, e)).toList());
            facts.insertVerdicts(history.stream().map(e -> verdict(batched, e)).toList());
            // Redelivered, every row once more: nothing changes.
            facts.insertMeasurements(history.stream().map(e -> measurement(batched, e)).toList());
            facts.insertVerdicts(history.stream().map(e -> verdict(batched, e)).toList());
            List<String> measurements = rows("programme_measurement", reference);
            assertThat(measurements).hasSize(history.size());
            assertThat(rows("programme_measurement", batched)).isEqualTo(measurements);
            assertThat(rows("programme_verdict", batched)).isEqualTo(rows("programme_verdict", reference));
            assertThat(jdbc.sql("""
                            select count(*) from programme_verdict where indicator_id = :indicator
                               and superseded_at is null""")
                    .param("indicator", batched + "indicator").query(Integer.class).single())
                    .isEqualTo(PERIODS.size() * SOURCES.size());
            tx.setRollbackOnly();
        });
    }
}
