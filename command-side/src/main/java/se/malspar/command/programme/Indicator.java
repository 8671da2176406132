package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.ambition.AmbitionReader;
import se.malspar.kernel.ambition.AmbitionReading;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.common.Quantities;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.IndicatorEvidence;
import se.malspar.kernel.fulfilment.VerdictTrigger;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.ambition.CorrectAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetTargetValue;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.ChangeIndicatorSource;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.indicator.IndicatorSourceChanged;
import se.malspar.kernel.programme.indicator.RetireIndicator;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An indicator (mätvärde) with its ambition levels, target values and measurements: its history
 * is one consistency boundary, changed on its own decisions. Over 400 lines because every rule on
 * that history (definition, levels and their corrections, target values, measurements, verdicts)
 * must see the same state: splitting it would split the boundary.
 */
@Aggregate(repository = IndicatorCacheConfiguration.REPOSITORY)
class Indicator {

    @AggregateIdentifier
    private IndicatorId indicatorId;
    private DelmalId delmalId;
    private IndicatorKind kind;
    private boolean politicallyDecidedTarget;
    private boolean retired;
    private IndicatorSource source;
    /**
     * The principle's inputs: ambition levels (as corrected: a correction needs the entry it fixes), målvärden,
     * the latest observation and verdict per report period, each with the sequence number of its event.
     */
    private final IndicatorEvidence evidence = new IndicatorEvidence();

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
        var authorised = authority.authorise(ChangeKind.DEFINE_INDICATOR, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
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
                authorised.decision(), authorised.effectiveFrom(), note, basis, reason, authorised.precision()));
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
    Accepted handle(SetAmbitionLevel command, DecisionAuthority authority, StructureLookup structure,
                    ClosedPeriods closed) {
        requireActive();
        requireActiveDelmal(structure);
        AmbitionLevel level = command.status() == AmbitionStatus.TO_BE_DISCUSSED
                ? toBeDiscussed(Rules.requireText(command.text(), "text", 1000), command.rules())
                : ofTargetGroup(read(Rules.requireText(command.text(), "text", 1000), command.rules()), command.targetGroup());
        var authorised = authority.authorise(ChangeKind.SET_AMBITION_LEVEL, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        boolean alreadyRecorded = evidence.ambitionLevels().stream().anyMatch(entry ->
                entry.decision().decisionId().equals(authorised.decision().decisionId())
                        && entry.effectiveFrom().equals(authorised.effectiveFrom())
                        && entry.level().equals(level));
        if (alreadyRecorded) {
            throw new RuleViolationException(Refusal.DUPLICATE_CHANGE, "this ambition level is already recorded for "
                    + authorised.decision().citation() + " from " + authorised.effectiveFrom());
        }
        apply(new AmbitionLevelSet(indicatorId, level, authorised.decision(), authorised.effectiveFrom(),
                authorised.precision()));
        reassess("AmbitionLevelSet", authorised.decision(), closed);
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(CorrectAmbitionLevel command, ClosedPeriods closed) {
        String reason = Rules.requireText(command.reason(), "reason", 2000);
        IndicatorEvidence.LevelEntry entry = evidence.ambitionLevels().stream()
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
        reassess("AmbitionLevelCorrected", entry.decision(), closed);
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(SetTargetValue command, DecisionAuthority authority, StructureLookup structure,
                    ClosedPeriods closed) {
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
        reassess("TargetValueSet", authorised.decision(), closed);
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(RecordMeasurement command) {
        requireActive();
        requireFinished();
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
        apply(evidence.compute(indicatorId, command.period(),
                new VerdictTrigger("MeasurementRecorded", evidence.lastSequence(), null)));
        return Accepted.now(indicatorId);
    }

    @CommandHandler
    Accepted handle(AssessFulfilment command, DecisionAuthority authority) {
        requireFinished();
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
     * Verdicts follow the level: after a changed ambition level, målvärde or principle, every period whose
     * latest verdict was given against another level is assessed again, as a new verdict beside the old one
     * that names the change. Closed periods keep their verdicts.
     */
    private void reassess(String event, DecisionReference decision, ClosedPeriods closed) {
        VerdictTrigger trigger = new VerdictTrigger(event, evidence.lastSequence(), decision);
        for (String period : evidence.periodsToReassess()) {
            if (!closed.isClosed(indicatorId, period)) {
                apply(evidence.compute(indicatorId, period, trigger));
            }
        }
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

    /** A level left to dialogue: the verbatim text and what the reader found in it, but no rule. */
    private static AmbitionLevel toBeDiscussed(String text, List<AmbitionRule> claimed) {
        if (claimed != null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "rules must be left out when the ambition level is TO_BE_DISCUSSED");
        }
        AmbitionReading reading = AmbitionReader.read(text);
        return new AmbitionLevel(reading.text(), List.of(), reading.targetYear(), false, reading.findings(),
                AmbitionLevel.RulesSource.READER, AmbitionStatus.TO_BE_DISCUSSED);
    }

    /** Of a text with rules for several target groups, the rules of the group this indicator measures. */
    private static AmbitionLevel ofTargetGroup(AmbitionLevel level, String targetGroup) {
        if (targetGroup == null || targetGroup.isBlank()) {
            return level;
        }
        String group = targetGroup.strip().toLowerCase(java.util.Locale.ROOT);
        List<AmbitionRule> own = level.rules().stream().filter(r -> r.targetGroup() == null
                || r.targetGroup().strip().toLowerCase(java.util.Locale.ROOT).equals(group)).toList();
        if (own.size() == level.rules().size() || own.stream().noneMatch(r -> r.targetGroup() != null)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "targetGroup: the text '" + level.text()
                    + "' states no rules for target group '" + targetGroup.strip() + "' beside others");
        }
        List<String> findings = new ArrayList<>(level.findings());
        findings.add("only the rules for target group '" + targetGroup.strip() + "' are this indicator's");
        return new AmbitionLevel(level.text(), own, level.targetYear(), level.ambiguous(), findings,
                level.rulesSource(), level.status());
    }

    /** A planned indicator ("ska tas fram") has no method yet: it is never measured or assessed. */
    private void requireFinished() {
        if (kind == IndicatorKind.PLANNED) {
            throw new RuleViolationException(Refusal.INDICATOR_PLANNED, "indicator " + indicatorId
                    + " is planned (to be developed, no method yet): it takes no measurement and no assessment");
        }
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
    void on(IndicatorDefined event, @SequenceNumber long sequence) {
        indicatorId = event.indicatorId();
        delmalId = event.delmalId();
        kind = event.kind();
        politicallyDecidedTarget = event.politicallyDecidedTarget();
        source = event.source() == null || event.source().kind() == null ? null
                : new IndicatorSource(event.source().kind(), event.source().kpi() == null || event.source().kpi().isBlank()
                ? null : event.source().kpi().strip().toUpperCase(java.util.Locale.ROOT));
        evidence.apply(event, sequence);
    }

    @EventSourcingHandler
    void on(IndicatorSourceChanged event) {
        source = event.after();
    }

    @EventSourcingHandler
    void on(IndicatorRetired event) {
        retired = true;
    }

    /** Ambition levels, their corrections, målvärden, measurements and verdicts: the principle's inputs. */
    @EventSourcingHandler
    void on(AmbitionLevelSet event, @SequenceNumber long sequence) {
        evidence.apply(event, sequence);
    }

    @EventSourcingHandler
    void on(AmbitionLevelCorrected event, @SequenceNumber long sequence) {
        evidence.apply(event, sequence);
    }

    @EventSourcingHandler
    void on(TargetValueSet event, @SequenceNumber long sequence) {
        evidence.apply(event, sequence);
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event, @SequenceNumber long sequence) {
        evidence.apply(event, sequence);
    }

    @EventSourcingHandler
    void on(FulfilmentComputed event, @SequenceNumber long sequence) {
        evidence.apply(event, sequence);
    }
}
