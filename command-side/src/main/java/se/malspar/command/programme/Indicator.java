package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.programme.SourceKind;
import se.malspar.kernel.programme.IndicatorSource;
import se.malspar.kernel.programme.IndicatorSourceChanged;
import se.malspar.kernel.programme.ChangeIndicatorSource;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.ambition.AmbitionReading;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.common.Quantities;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.Observation;
import se.malspar.kernel.programme.Direction;
import se.malspar.kernel.programme.AmbitionLevel;
import se.malspar.kernel.programme.AmbitionLevelCorrected;
import se.malspar.kernel.programme.AmbitionLevelSet;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.CorrectAmbitionLevel;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DefineIndicator;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.FollowUpPeriod;
import se.malspar.kernel.programme.DirectionBasis;
import se.malspar.kernel.programme.IndicatorDefined;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.IndicatorKind;
import se.malspar.kernel.programme.IndicatorRetired;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.MeasurementRecorded;
import se.malspar.kernel.programme.MeasurementSource;
import se.malspar.kernel.programme.ReferenceArea;
import se.malspar.kernel.programme.RecordMeasurement;
import se.malspar.kernel.programme.RetireIndicator;
import se.malspar.kernel.programme.SetAmbitionLevel;
import se.malspar.kernel.programme.SetTargetValue;
import se.malspar.kernel.programme.TargetValueSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An indicator (mätvärde) with its ambition levels, target values and measurements: its history
 * is one consistency boundary, changed on its own decisions.
 */
@Aggregate(repository = IndicatorCacheConfiguration.REPOSITORY)
class Indicator {

    @AggregateIdentifier
    private IndicatorId indicatorId;
    private DelmalId delmalId;
    private IndicatorKind kind;
    private Direction direction;
    private boolean politicallyDecidedTarget;
    private boolean retired;
    private IndicatorSource source;
    /** Every recorded ambition level, oldest first, as corrected: a correction needs the entry it fixes. */
    private final List<AmbitionEntry> ambitionLevels = new ArrayList<>();
    /** Decided target values, oldest first, and the latest observation per report period: the principle's inputs. */
    private final List<TargetValueSet> targetValues = new ArrayList<>();
    private final Map<String, Observation> observations = new TreeMap<>(Comparator.comparingInt(FollowUpPeriod::order));

    Indicator() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(DefineIndicator command, DecisionAuthority authority, StructureLookup structure) {
        if (indicatorId != null) {
            throw Rules.alreadyExists("indicator", command.indicatorId());
        }
        String delmal = command.delmalId().value();
        StructureLookup.Entry delmalEntry = structure.find(StructureLookup.Kind.DELMAL, delmal)
                .orElseThrow(() -> Rules.notFound("delmål", delmal));
        if (delmalEntry.retired()) {
            throw delmalRetired(command.delmalId());
        }
        String name = Rules.requireName(command.name(), "name", 300);
        if (structure.nameTaken(StructureLookup.Kind.INDICATOR, delmal, name, null)) {
            throw Rules.duplicateName("indicator", name, "delmål " + delmal);
        }
        String unit = Rules.requireName(command.unit(), "unit", 50);
        if (command.kind() == null || command.direction() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "kind and direction are required");
        }
        var authorised = authority.authorise(ChangeKind.DEFINE_INDICATOR, command.decision(), command.effectiveFrom());
        String note = command.note() == null || command.note().isBlank() ? null
                : Rules.requireText(command.note(), "note", 2000);
        DirectionBasis basis = command.directionBasis() == null ? DirectionBasis.DECIDED : command.directionBasis();
        String reason = command.directionReason() == null || command.directionReason().isBlank() ? null
                : Rules.requireText(command.directionReason(), "directionReason", 2000);
        if (basis == DirectionBasis.ASSUMED && reason == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "directionReason is required when the direction is ASSUMED");
        }
        apply(new IndicatorDefined(command.indicatorId(), command.delmalId(), new GoalId(delmalEntry.parentId()), name,
                unit, command.kind(), command.direction(), command.politicallyDecidedTarget(), command.source(),
                authorised.decision(), authorised.effectiveFrom(), note, basis, reason));
        return Accepted.now(command.indicatorId());
    }

    /** Målspår's own mapping of the indicator to its data source: a reason, no decision. */
    @CommandHandler
    Accepted handle(ChangeIndicatorSource command) {
        requireActive();
        IndicatorSource next = command.source();
        if (next == null || next.kind() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "kind is required (KOLADA, SURVEY or MANUAL)");
        }
        String kpi = next.kpi() == null || next.kpi().isBlank() ? null : next.kpi().strip().toUpperCase(java.util.Locale.ROOT);
        if (next.kind() == SourceKind.KOLADA && (kpi == null || !kpi.matches("[A-Z0-9]{1,20}"))) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "kpi must be a Kolada KPI id (e.g. N15428) for a KOLADA source");
        }
        if (next.kind() != SourceKind.KOLADA && kpi != null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "kpi must be left out unless the source is KOLADA");
        }
        String reason = Rules.requireText(command.reason(), "reason", 2000);
        IndicatorSource after = new IndicatorSource(next.kind(), kpi);
        if (after.equals(source)) {
            throw new RuleViolationException(Refusal.NOTHING_TO_CHANGE, "indicator " + indicatorId + " already has source "
                    + after.kind() + (kpi == null ? "" : " " + kpi));
        }
        apply(new IndicatorSourceChanged(indicatorId, delmalId, kind, source, after, reason));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(RetireIndicator command, DecisionAuthority authority) {
        requireActive();
        var authorised = authority.authorise(ChangeKind.RETIRE_INDICATOR, command.decision(), command.effectiveFrom());
        apply(new IndicatorRetired(indicatorId, delmalId, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(SetAmbitionLevel command, DecisionAuthority authority, StructureLookup structure) {
        requireActive();
        requireActiveDelmal(structure);
        AmbitionLevel level = read(Rules.requireText(command.text(), "text", 1000), command.rules());
        var authorised = authority.authorise(ChangeKind.SET_AMBITION_LEVEL, command.decision(), command.effectiveFrom());
        boolean alreadyRecorded = ambitionLevels.stream().anyMatch(entry ->
                entry.decision().decisionId().equals(authorised.decision().decisionId())
                        && entry.effectiveFrom().equals(authorised.effectiveFrom())
                        && entry.level().equals(level));
        if (alreadyRecorded) {
            throw new RuleViolationException(Refusal.DUPLICATE_CHANGE, "this ambition level is already recorded for "
                    + authorised.decision().citation() + " from " + authorised.effectiveFrom());
        }
        apply(new AmbitionLevelSet(indicatorId, level, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(CorrectAmbitionLevel command) {
        String reason = Rules.requireText(command.reason(), "reason", 2000);
        AmbitionEntry entry = ambitionLevels.stream()
                .filter(e -> command.correctsDecision() == null || e.decision().decisionId().equals(command.correctsDecision()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new RuleViolationException(Refusal.NOTHING_TO_CORRECT, command.correctsDecision() == null
                        ? "indicator " + indicatorId + " has no ambition level to correct"
                        : "indicator " + indicatorId + " has no ambition level set by " + command.correctsDecision()));
        if (command.text() == null && command.rules() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "give the corrected text, the corrected rules, or both");
        }
        String text = command.text() == null ? entry.level().text() : Rules.requireText(command.text(), "text", 1000);
        AmbitionLevel corrected = read(text, command.rules());
        if (corrected.equals(entry.level())) {
            throw new RuleViolationException(Refusal.NOTHING_TO_CORRECT, "the correction changes nothing in the ambition level "
                    + "set by " + entry.decision().citation());
        }
        apply(new AmbitionLevelCorrected(indicatorId, entry.decision(), entry.effectiveFrom(), entry.level(), corrected,
                reason));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(SetTargetValue command, DecisionAuthority authority, StructureLookup structure) {
        requireActive();
        requireActiveDelmal(structure);
        if (!politicallyDecidedTarget) {
            // Seed 001, point 7: only indicators of particular political interest get a decided målvärde.
            throw new RuleViolationException(Refusal.TARGET_NOT_POLITICAL, "indicator " + indicatorId
                    + " is not marked politicallyDecidedTarget; its target is set by the experts, not by decision");
        }
        if (command.value() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "value is required");
        }
        if (command.year() < 2000 || command.year() > 2100) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "year must be between 2000 and 2100");
        }
        BigDecimal value = Quantities.require(command.value(), "value");
        var authorised = authority.authorise(ChangeKind.SET_TARGET_VALUE, command.decision(), command.effectiveFrom());
        apply(new TargetValueSet(indicatorId, value, command.year(), authorised.decision(),
                authorised.effectiveFrom()));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(RecordMeasurement command) {
        requireActive();
        if (!FollowUpPeriod.isValid(command.period())) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED,
                    "period '" + command.period() + "' must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
        if (kind == IndicatorKind.MEASURED && (command.value() == null || command.done() != null)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "a measured indicator takes a value (and no 'done')");
        }
        if (kind == IndicatorKind.ACTIVITY && (command.done() == null || command.value() != null)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "an activity takes 'done' (and no value)");
        }
        if (command.source() == null || command.source().kind() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "source.kind is required");
        }
        if (command.dataPeriod() != null && !FollowUpPeriod.isValidDataPeriod(command.dataPeriod())) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "dataPeriod " + FollowUpPeriod.DATA_PERIOD_RULE);
        }
        // Bounded here too, whatever path the command came by (API, Kolada import, history seed).
        BigDecimal value = Quantities.optional(command.value(), "value");
        Map<ReferenceArea, BigDecimal> references = new EnumMap<>(ReferenceArea.class);
        if (command.referenceValues() != null) {
            command.referenceValues().forEach((area, number) -> references.put(area,
                    Quantities.require(number, "referenceValues." + area)));
        }
        MeasurementSource source = command.source();
        if (!source.figures().isEmpty()) {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            source.figures().forEach((area, number) -> figures.put(area,
                    Quantities.require(number, "source.figures." + area)));
            source = new MeasurementSource(source.kind(), source.kpi(), source.areaIds(), source.url(),
                    source.fetchedAt(), figures);
        }
        apply(new MeasurementRecorded(indicatorId, command.period(), value, command.done(),
                command.dataPeriod(), references, source, command.note()));
        // New data: the verdict for the period is computed again and recorded beside any earlier one.
        AssessmentInput input = assessmentInput(command.period());
        apply(new FulfilmentComputed(indicatorId, command.period(), input, AssessmentPrinciple.assess(input)));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(AssessFulfilment command, DecisionAuthority authority) {
        if (!FollowUpPeriod.isValid(command.period())) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED,
                    "period '" + command.period() + "' must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
        if (command.status() == null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "status is required");
        }
        String motivation = Rules.requireText(command.motivation(), "motivation", 5000);
        DecisionReference decision = command.decision() == null ? null
                : authority.authorise(ChangeKind.ASSESS_FULFILMENT, command.decision(),
                FollowUpPeriod.endDate(command.period())).decision();
        apply(new FulfilmentAssessed(indicatorId, command.period(), command.status(), motivation, decision));
        return Accepted.now(indicatorId);
    }

    /**
     * What the principle sees for a report period: the ambition level and target value in force on
     * the day the period reports on, and the latest observation of every period up to it.
     */
    private AssessmentInput assessmentInput(String period) {
        LocalDate reportDate = FollowUpPeriod.endDate(period);
        AmbitionEntry ambition = null;
        for (AmbitionEntry entry : ambitionLevels) {
            if (!entry.effectiveFrom().isAfter(reportDate)
                    && (ambition == null || !entry.effectiveFrom().isBefore(ambition.effectiveFrom()))) {
                ambition = entry;
            }
        }
        TargetValueSet target = null;
        for (TargetValueSet entry : targetValues) {
            if (!entry.effectiveFrom().isAfter(reportDate)
                    && (target == null || !entry.effectiveFrom().isBefore(target.effectiveFrom()))) {
                target = entry;
            }
        }
        List<Observation> history = observations.entrySet().stream()
                .filter(o -> FollowUpPeriod.order(o.getKey()) <= FollowUpPeriod.order(period))
                .map(Map.Entry::getValue).toList();
        return new AssessmentInput(period, ambition == null ? List.of() : ambition.level().rules(),
                ambition != null && ambition.level().ambiguous(), direction, kind,
                target == null ? null : target.value(), target == null ? null : target.year(), history);
    }

    /** The verbatim text, read by the reader; rules a client sends must agree with the text. */
    private static AmbitionLevel read(String text, List<AmbitionRule> claimed) {
        if (claimed != null) {
            claimed.stream().map(AmbitionRule::margin).filter(Objects::nonNull)
                    .forEach(margin -> Quantities.require(margin, "rule.margin"));
        }
        AmbitionReading reading = AmbitionReader.read(text);
        if (reading.rules().stream().map(AmbitionRule::margin)
                .anyMatch(margin -> margin != null && !Quantities.allowed(margin))) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "text: a number in it " + Quantities.RULE);
        }
        if (claimed == null) {
            return new AmbitionLevel(reading.text(), reading.rules(), reading.targetYear(), reading.ambiguous(),
                    reading.findings(), AmbitionLevel.RulesSource.READER);
        }
        List<String> conflicts = AmbitionReader.conflicts(reading, claimed);
        if (!conflicts.isEmpty()) {
            throw new RuleViolationException(Refusal.AMBITION_RULE_CONFLICT,
                    "the rules do not agree with the text '" + reading.text() + "': " + String.join("; ", conflicts));
        }
        // The client's reading settles what the text left open; the findings still say what that was.
        Integer targetYear = claimed.stream().map(AmbitionRule::targetYear).filter(Objects::nonNull).findFirst()
                .orElse(reading.targetYear());
        return new AmbitionLevel(reading.text(), claimed, targetYear, false, reading.findings(),
                AmbitionLevel.RulesSource.CLIENT);
    }

    private void requireActive() {
        if (retired) {
            throw new RuleViolationException(Refusal.INDICATOR_RETIRED,
                    "indicator " + indicatorId + " is retired; it cannot be changed");
        }
    }

    private void requireActiveDelmal(StructureLookup structure) {
        boolean delmalRetired = structure.find(StructureLookup.Kind.DELMAL, delmalId.value())
                .map(StructureLookup.Entry::retired).orElse(false);
        if (delmalRetired) {
            throw delmalRetired(delmalId);
        }
    }

    private static RuleViolationException delmalRetired(DelmalId delmalId) {
        return new RuleViolationException(Refusal.DELMAL_RETIRED, "delmål " + delmalId + " is retired; nothing can be added to it");
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        delmalId = event.delmalId();
        kind = event.kind();
        direction = event.direction();
        politicallyDecidedTarget = event.politicallyDecidedTarget();
        source = event.source() == null || event.source().kind() == null ? null
                : new IndicatorSource(event.source().kind(), event.source().kpi() == null || event.source().kpi().isBlank()
                ? null : event.source().kpi().strip().toUpperCase(java.util.Locale.ROOT));
    }

    @EventSourcingHandler
    void on(IndicatorSourceChanged event) {
        source = event.after();
    }

    @EventSourcingHandler
    void on(IndicatorRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(AmbitionLevelSet event) {
        ambitionLevels.add(new AmbitionEntry(event.decision(), event.effectiveFrom(), event.ambitionLevel()));
    }

    @EventSourcingHandler
    void on(TargetValueSet event) {
        targetValues.add(event);
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        observations.put(event.period(), new Observation(event.period(), event.value(), event.done(), event.dataPeriod(),
                event.referenceValues()));
    }

    @EventSourcingHandler
    void on(AmbitionLevelCorrected event) {
        for (int i = ambitionLevels.size() - 1; i >= 0; i--) {
            AmbitionEntry entry = ambitionLevels.get(i);
            if (entry.decision().equals(event.corrects()) && entry.effectiveFrom().equals(event.effectiveFrom())) {
                ambitionLevels.set(i, new AmbitionEntry(entry.decision(), entry.effectiveFrom(), event.ambitionLevel()));
                return;
            }
        }
    }

    private record AmbitionEntry(DecisionReference decision, LocalDate effectiveFrom, AmbitionLevel level) {
    }
}
