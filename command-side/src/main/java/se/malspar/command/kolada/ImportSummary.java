package se.malspar.command.kolada;

import se.malspar.kernel.programme.measurement.ReferenceArea;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an import did: how many measurements it recorded, how many were already recorded exactly
 * so, what in the document it skipped and why, and the outcome per indicator.
 */
record ImportSummary(String reportPeriod, int recorded, int unchanged, List<KoladaMapping.Skipped> skipped,
                     List<IndicatorResult> indicators) {

    enum Outcome { RECORDED, UNCHANGED, REFUSED }

    /** {@code version} is the indicator's version after a recorded measurement (its ETag), else null. */
    record IndicatorResult(String indicatorId, String kpi, String period, String dataPeriod, BigDecimal value,
                           Map<ReferenceArea, BigDecimal> referenceValues, Map<String, BigDecimal> figures,
                           Outcome outcome, Long version) {

        static IndicatorResult of(KoladaMapping.Planned planned, Outcome outcome, Long version) {
            var command = planned.command();
            return new IndicatorResult(command.indicatorId().value(), planned.kpi(), command.period(),
                    command.dataPeriod(), command.value(), command.referenceValues(), command.source().figures(),
                    outcome, version);
        }
    }
}
