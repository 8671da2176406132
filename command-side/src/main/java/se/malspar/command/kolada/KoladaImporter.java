package se.malspar.command.kolada;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.HandlerExecutionException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.command.period.ClosedPeriods;
import se.malspar.command.programme.Accepted;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.platform.database.AdvisoryLocks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Records a parsed Kolada document: plans everything first ({@link KoladaMapping}), then sends one
 * RecordMeasurement per indicator through the admin API's command path (so each event carries
 * the importing user, like any other write).
 * <p>
 * Idempotent by content, not by key: a measurement is sent only when it differs from the latest
 * measurement already recorded on that indicator for the report period (value, data period,
 * reference values, KPI, area ids, exact figures and note; not the URL or fetch time). A second
 * import of the same figures therefore adds nothing, whoever runs it, while a changed figure is a
 * new measurement that supersedes the earlier one (never an overwrite). The check reads the
 * indicator's own event stream, the truth the aggregate itself is built from. Imports run one at
 * a time across all command-side processes (a PostgreSQL advisory lock, {@link AdvisoryLocks}),
 * so two simultaneous imports of one file cannot both find "not yet recorded".
 */
@Component
class KoladaImporter {

    private final KoladaKpiLookup lookup;
    private final AdminCommands commands;
    private final EventStore eventStore;
    private final KoladaProperties properties;
    private final DataSource dataSource;
    private final ClosedPeriods closedPeriods;

    KoladaImporter(KoladaKpiLookup lookup, AdminCommands commands, EventStore eventStore, KoladaProperties properties,
                   DataSource dataSource, ClosedPeriods closedPeriods) {
        this.dataSource = dataSource;
        this.closedPeriods = closedPeriods;
        this.lookup = lookup;
        this.commands = commands;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    KoladaMapping.Areas areas() {
        return new KoladaMapping.Areas(properties.municipality(), properties.county(), properties.national());
    }

    ImportSummary record(KoladaData data, String reportPeriod, String url, Instant fetchedAt) {
        // Its own connection, held for the whole import: the commands below run in transactions
        // of their own, and a session lock ends with the session if this process dies.
        try (Connection connection = dataSource.getConnection()) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + AdvisoryLocks.KOLADA_IMPORT + ")");
            }
            try {
                return recordAlone(data, reportPeriod, url, fetchedAt);
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("Kolada import lock", null, e);
        }
    }

    /** Given back before the connection returns to the pool; if that fails, the session is ended. */
    private static void unlock(Connection connection) throws SQLException {
        try (Statement unlock = connection.createStatement()) {
            unlock.execute("select pg_advisory_unlock(" + AdvisoryLocks.KOLADA_IMPORT + ")");
        } catch (SQLException e) {
            connection.abort(Runnable::run);
            throw e;
        }
    }

    private ImportSummary recordAlone(KoladaData data, String reportPeriod, String url, Instant fetchedAt) {
        KoladaMapping.Plan plan = KoladaMapping.plan(data, areas(), reportPeriod, url, fetchedAt,
                lookup::activeIndicators);
        List<KoladaMapping.Skipped> skipped = new ArrayList<>(plan.skipped());
        List<ImportSummary.IndicatorResult> results = new ArrayList<>();
        int recorded = 0;
        int unchanged = 0;
        // A closed report period takes nothing: each figure is listed in skipped with the closing decision.
        Optional<String> closedBy = closedPeriods.closedBy(reportPeriod);
        for (KoladaMapping.Planned planned : plan.measurements()) {
            RecordMeasurement command = planned.command();
            if (closedBy.isPresent()) {
                results.add(ImportSummary.IndicatorResult.of(planned, ImportSummary.Outcome.REFUSED, null));
                skipped.add(new KoladaMapping.Skipped(planned.kpi(), properties.municipality(),
                        Integer.valueOf(command.dataPeriod()), "report period " + reportPeriod + " is closed ("
                        + closedBy.get() + "): PERIOD_CLOSED, nothing recorded for indicator " + command.indicatorId()));
                continue;
            }
            if (alreadyRecorded(command)) {
                unchanged++;
                results.add(ImportSummary.IndicatorResult.of(planned, ImportSummary.Outcome.UNCHANGED, null));
                continue;
            }
            try {
                // No key of its own: the import request's Idempotency-Key guards the whole import.
                Accepted accepted = commands.send(command, new AdminHeaders.Write(null));
                recorded++;
                results.add(ImportSummary.IndicatorResult.of(planned, ImportSummary.Outcome.RECORDED,
                        accepted.version()));
            } catch (CommandExecutionException e) {
                // A rule of the indicator refused it (e.g. retired since the lookup was read):
                // reported, and the other indicators still get theirs.
                RuleViolation violation = HandlerExecutionException.resolveDetails(e)
                        .filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast)
                        .orElseThrow(() -> e);
                results.add(ImportSummary.IndicatorResult.of(planned, ImportSummary.Outcome.REFUSED, null));
                skipped.add(new KoladaMapping.Skipped(planned.kpi(), properties.municipality(),
                        Integer.valueOf(command.dataPeriod()), "indicator " + command.indicatorId() + " refused it: "
                        + violation.code() + " " + violation.message()));
            }
        }
        return new ImportSummary(reportPeriod, recorded, unchanged, skipped, results);
    }

    /** Whether the latest measurement of the indicator for the report period already says exactly this. */
    private boolean alreadyRecorded(RecordMeasurement command) {
        Optional<MeasurementRecorded> latest = eventStore.readEvents(command.indicatorId().value()).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(MeasurementRecorded.class::isInstance).map(MeasurementRecorded.class::cast)
                .filter(m -> command.period().equals(m.period()))
                .reduce((first, second) -> second);
        return latest.map(m -> same(m, command)).orElse(false);
    }

    static boolean same(MeasurementRecorded recorded, RecordMeasurement command) {
        MeasurementSource a = recorded.source();
        MeasurementSource b = command.source();
        return a != null && b != null
                && sameNumber(recorded.value(), command.value())
                && Objects.equals(recorded.done(), command.done())
                && Objects.equals(recorded.dataPeriod(), command.dataPeriod())
                && sameNumbers(recorded.referenceValues(), command.referenceValues() == null ? Map.of() : command.referenceValues())
                && Objects.equals(recorded.note(), command.note())
                && a.kind() == b.kind()
                && Objects.equals(a.kpi(), b.kpi())
                && a.areaIds().equals(b.areaIds())
                && sameNumbers(a.figures(), b.figures());
    }

    private static <K> boolean sameNumbers(Map<K, BigDecimal> a, Map<K, BigDecimal> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> sameNumber(a.get(k), b.get(k)));
    }

    /** 81.2 and 81.20 are the same figure: stored JSON need not keep the scale. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
