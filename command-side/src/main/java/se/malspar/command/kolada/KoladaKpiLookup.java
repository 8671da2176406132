package se.malspar.command.kolada;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.indicator.IndicatorSourceChanged;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.util.List;
import java.util.Locale;

/**
 * The command side's answer to "which indicators name this Kolada KPI": {@code kolada_kpi_lookup},
 * kept in step with IndicatorDefined / IndicatorRetired inside their transaction (a subscribing
 * processor, see {@code malspar-command-side.yml}), so an import never records on an indicator
 * whose retirement has committed. Indicators defined before the table existed are filled in by
 * the V6 migration.
 */
@Component
@ProcessingGroup(KoladaKpiLookup.GROUP)
class KoladaKpiLookup {

    static final String GROUP = "kolada-kpi-lookup";

    private final JdbcClient jdbc;

    KoladaKpiLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IndicatorDefined e) {
        if (e.source() == null || e.source().kind() != SourceKind.KOLADA || e.source().kpi() == null
                || e.source().kpi().isBlank()) {
            return;
        }
        jdbc.sql("""
                        insert into kolada_kpi_lookup (indicator_id, kpi, indicator_kind, retired)
                        values (:id, :kpi, :kind, false)
                        on conflict (indicator_id) do nothing""")
                .param("id", e.indicatorId().value()).param("kpi", normalise(e.source().kpi()))
                .param("kind", (e.kind() == null ? IndicatorKind.MEASURED : e.kind()).name())
                .update();
    }

    @EventHandler
    void on(IndicatorRetired e) {
        jdbc.sql("update kolada_kpi_lookup set retired = true where indicator_id = :id")
                .param("id", e.indicatorId().value()).update();
    }

    /** A changed source: the indicator now names this KPI, another one, or none (survey, manual). */
    @EventHandler
    void on(IndicatorSourceChanged e) {
        if (e.after().kind() != SourceKind.KOLADA || e.after().kpi() == null || e.after().kpi().isBlank()) {
            jdbc.sql("delete from kolada_kpi_lookup where indicator_id = :id").param("id", e.indicatorId().value()).update();
            return;
        }
        jdbc.sql("""
                        insert into kolada_kpi_lookup (indicator_id, kpi, indicator_kind, retired)
                        values (:id, :kpi, :kind, false)
                        on conflict (indicator_id) do update set kpi = excluded.kpi""")
                .param("id", e.indicatorId().value()).param("kpi", normalise(e.after().kpi()))
                .param("kind", (e.kind() == null ? IndicatorKind.MEASURED : e.kind()).name())
                .update();
    }

    /** The active indicators whose source is Kolada with this KPI, in id order. */
    List<Indicator> activeIndicators(String kpi) {
        return jdbc.sql("""
                        select indicator_id, indicator_kind from kolada_kpi_lookup
                         where kpi = :kpi and not retired order by indicator_id""")
                .param("kpi", normalise(kpi))
                .query((rs, n) -> new Indicator(rs.getString(1), IndicatorKind.valueOf(rs.getString(2))))
                .list();
    }

    /** KPI ids are compared trimmed and upper-case: "n15428" on an indicator still means N15428. */
    static String normalise(String kpi) {
        return kpi.strip().toUpperCase(Locale.ROOT);
    }

    record Indicator(String indicatorId, IndicatorKind kind) {
    }
}
