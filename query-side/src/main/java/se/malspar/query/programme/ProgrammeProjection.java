package se.malspar.query.programme;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.fulfilment.Assessment;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.FindDecisionChanges;
import se.malspar.kernel.programme.FindProgrammeChangeDates;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.FindProgrammes;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.FindIndicatorHistory;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.indicator.IndicatorSourceChanged;
import se.malspar.kernel.programme.measurement.FindFulfilment;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.query.etag.ReadModelPositions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the bitemporal programme read model: one row per decided change in the table of its kind
 * (valid from its effectiveFrom, recorded from its event's timestamp), corrections closing the
 * recorded time of what they correct, measurements and verdicts superseding per period.
 * Idempotent: rows are keyed by event id. The repositories write per batch of events; a
 * correction, which reads the ambition levels, first writes what the batch holds. Each batch
 * advances the read model's position (the ETags of its answers).
 */
@Component
@ProcessingGroup(ProgrammeProjection.GROUP)
class ProgrammeProjection {

    static final String GROUP = "programme";

    private final ProgrammeRows rows;
    private final ObservationRows observations;
    private final ReadModelPositions positions;

    ProgrammeProjection(ProgrammeRows rows, ObservationRows observations, ReadModelPositions positions) {
        this.rows = rows;
        this.observations = observations;
        this.positions = positions;
    }

    @EventHandler
    void on(ProgrammeCreated e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(GoalAdded e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalAdded e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalRenamed e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalRetired e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(IndicatorDefined e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(IndicatorRetired e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    /**
     * Not a decision: the change has no decision, takes effect the day it was recorded (UTC), and
     * its reason is kept, so every history shows why.
     */
    @EventHandler
    void on(IndicatorSourceChanged e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        change(message, token, user, e, LocalDate.ofInstant(recordedAt, ZoneOffset.UTC), null);
    }

    @EventHandler
    void on(AmbitionLevelSet e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(AmbitionLevelCorrected e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        rows.flush();
        long index = position(token);
        String factId = message.getIdentifier();
        ProgrammeRows.CorrectedEntry corrected = rows.currentAmbitionEntry(e.indicatorId().value(),
                e.corrects().decisionId().value(), e.effectiveFrom(), index, factId).orElse(null);
        // The corrected entry keeps its place among entries that take effect the same day.
        long order = corrected == null ? index : corrected.orderIndex();
        rows.add(new ProgrammeRows.Change(factId, index, order, e.effectiveFrom(), e.corrects(), recordedAt, user,
                ProgrammeRows.Source.of(message.getMetaData()), e, corrected == null ? null : corrected.factId()));
        rows.flush();
        if (corrected != null) {
            rows.supersedeAmbition(corrected.factId(), recordedAt, factId);
        }
        positions.advance(GROUP, index);
    }

    @EventHandler
    void on(TargetValueSet e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        change(message, token, user, e, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        observations.add(new ObservationRows.NewMeasurement(message.getIdentifier(), position(token),
                e.indicatorId().value(), e.period(), FollowUpPeriod.order(e.period()), e.value(), e.done(),
                e.dataPeriod(), e.referenceValues(), e.source(), e.note(), recordedAt, user));
        positions.advance(GROUP, position(token));
    }

    @EventHandler
    void on(FulfilmentComputed e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        Assessment a = e.assessment();
        observations.add(new ObservationRows.Verdict(message.getIdentifier(), position(token), e.indicatorId().value(),
                e.period(), FollowUpPeriod.order(e.period()), "COMPUTED", a.verdict().name(), a.principleVersion(),
                // Wrapped, not converted to a tree: they are only written, once, and converting them
                // to a tree first took about a fifth of a rebuild's CPU.
                a.basedOnPeriod(), a.carriedForward(), ProgrammeJson.JSON.getNodeFactory().pojoNode(e.inputs()),
                ProgrammeJson.JSON.getNodeFactory().pojoNode(a.steps()), a.explanationSv(), a.explanationEn(), null, null, null,
                recordedAt, user, null, null));
        positions.advance(GROUP, position(token));
    }

    @EventHandler
    void on(FulfilmentAssessed e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        observations.add(new ObservationRows.Verdict(message.getIdentifier(), position(token), e.indicatorId().value(),
                e.period(), FollowUpPeriod.order(e.period()), "HUMAN", e.status().name(), null, null, null, null, null,
                null, null, e.motivation(), e.decision() == null ? null : e.decision().decisionId().value(),
                e.decision() == null ? null : e.decision().citation(), recordedAt, user, null, null));
        positions.advance(GROUP, position(token));
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
        observations.deleteAll();
        positions.reset(GROUP);
    }

    @QueryHandler
    List<ProgrammeSummary> handle(FindProgrammes query) {
        return rows.programmes().stream().map(f -> new ProgrammeSummary(f.entityId(), f.value().path("name").asText(),
                f.value().path("ownerOrgan").asText(null), f.validFrom(), f.decision())).toList();
    }

    @QueryHandler
    Optional<ProgrammeTree> handle(FindProgrammeTree query) {
        return programme(query.programmeId().value(), query.knownAt(), query.documentedBy()).map(programme -> {
            ProgrammeState state = ProgrammeState.of(rows.inForce(programme.entityId(), query.validAt(),
                    query.knownAt(), query.documentedBy()));
            List<String> indicators = state.entities().values().stream()
                    .filter(e -> e.kind == Fact.Kind.INDICATOR && state.inForce(e) && within(state, e, query))
                    .map(e -> e.id).toList();
            // Measurements and verdicts carry no paper date: the papers' programme shows none of them.
            boolean observed = query.documentedBy() == null;
            Map<String, ObservationRows.Measurement> latest = !observed ? Map.of()
                    : observations.latestMeasurements(indicators, query.knownAt()).stream()
                    .collect(Collectors.toMap(ObservationRows.Measurement::indicatorId, m -> m));
            // Only one period's verdicts are shown: the one asked for, else the latest with any verdict.
            String period = !observed ? null : query.period() != null ? query.period()
                    : observations.latestVerdictPeriod(indicators, query.knownAt()).orElse(null);
            return TreeAssembler.assemble(programme, query.validAt(), query.knownAt(), state, latest, period,
                    period == null ? List.of() : observations.currentVerdicts(indicators, period, query.knownAt()),
                    query.goalId() == null ? null : query.goalId().value(),
                    query.delmalId() == null ? null : query.delmalId().value());
        });
    }

    /** Whether an indicator lies under the goal or delmål the query asks for (all when it asks for none). */
    private static boolean within(ProgrammeState state, ProgrammeState.Entity indicator, FindProgrammeTree query) {
        ProgrammeState.Entity delmal = state.parent(indicator);
        if (query.delmalId() != null && (delmal == null || !delmal.id.equals(query.delmalId().value()))) {
            return false;
        }
        ProgrammeState.Entity goal = delmal == null ? null : state.parent(delmal);
        return query.goalId() == null || (goal != null && goal.id.equals(query.goalId().value()));
    }

    @QueryHandler
    Optional<ProgrammeDiff> handle(FindProgrammeDiff query) {
        return programme(query.programmeId().value(), query.knownAt(), query.documentedBy())
                .map(programme -> ProgrammeDiff.between(programme.entityId(), query.from(), query.to(), query.knownAt(),
                        ProgrammeState.of(rows.inForce(programme.entityId(), query.from(), query.knownAt(),
                                query.documentedBy())),
                        ProgrammeState.of(rows.inForce(programme.entityId(), query.to(), query.knownAt(),
                                query.documentedBy()))));
    }

    @QueryHandler
    List<LocalDate> handle(FindProgrammeChangeDates query) {
        return programme(query.programmeId().value(), query.knownAt(), null)
                .map(programme -> rows.changeDates(programme.entityId(), query.knownAt())).orElse(List.of());
    }

    @QueryHandler
    Optional<IndicatorHistory> handle(FindIndicatorHistory query) {
        String indicator = query.indicatorId().value();
        List<Fact> indicatorFacts = rows.ofEntity(Fact.Kind.INDICATOR, indicator);
        if (indicatorFacts.isEmpty()) {
            return Optional.empty();
        }
        String programmeId = indicatorFacts.stream().filter(f -> f.attribute() == Fact.Attribute.ADDED).findFirst()
                .flatMap(f -> rows.programmeOfDelmal(f.parentId())).orElse(null);
        if (query.documentedBy() != null) {
            // The papers' history: the versions their dated papers give; measurements and verdicts carry no paper date.
            return Optional.of(IndicatorHistory.of(indicator, programmeId, indicatorFacts.stream()
                    .filter(f -> documentedBy(f, query.documentedBy())).toList(), List.of(), List.of()));
        }
        return Optional.of(IndicatorHistory.of(indicator, programmeId, indicatorFacts,
                observations.measurementsOf(indicator), observations.verdictsOf(indicator)));
    }

    /** Whether a paper dated on or before the day gives the fact (see {@link #documentedOn}). */
    static boolean documentedBy(Fact f, LocalDate day) {
        String date = f.provenance() == null ? null : f.provenance().path("source").path("documentDate").asText(null);
        LocalDate on = documentedOn(date == null ? null : LocalDate.parse(date), f.decision());
        return on != null && !on.isAfter(day);
    }

    /**
     * The first day a paper gives a change: its source paper (the date the change names), or, for a
     * decided change, the minutes of the meeting that decided it (an inference: a decision is
     * documented by its minutes, dated the meeting day; a meeting known only to the month counts from
     * the month's last day, when it has certainly been held). Null for a change with neither
     * (Målspår's own data-source mapping). Written with each fact, so the tree's SQL filters by it.
     */
    static LocalDate documentedOn(LocalDate paperDate, DecisionReference decision) {
        LocalDate minutes = minutesDated(decision).orElse(null);
        if (paperDate == null || minutes == null) {
            return paperDate != null ? paperDate : minutes;
        }
        return paperDate.isBefore(minutes) ? paperDate : minutes;
    }

    private static Optional<LocalDate> minutesDated(DecisionReference decision) {
        if (decision == null || decision.citation() == null) {
            return Optional.empty();
        }
        try {
            MeetingDate meeting = Citation.parse(decision.citation()).meetingDate();
            return Optional.of(meeting.date().orElseGet(() -> YearMonth.of(meeting.year(), meeting.month()).atEndOfMonth()));
        } catch (RuntimeException notACitation) {
            return Optional.empty();
        }
    }

    @QueryHandler
    Optional<IndicatorFulfilment> handle(FindFulfilment query) {
        String indicator = query.indicatorId().value();
        if (rows.ofEntity(Fact.Kind.INDICATOR, indicator).isEmpty()) {
            return Optional.empty();
        }
        String period = query.period() != null ? query.period() : observations.latestVerdictPeriodOf(indicator).orElse(null);
        return Optional.of(IndicatorFulfilment.of(indicator, period,
                period == null ? List.of() : observations.verdictsOf(indicator, period)));
    }

    @QueryHandler
    List<DecisionChange> handle(FindDecisionChanges query) {
        List<Fact> authorised = rows.authorisedBy(query.decisionId().value());
        Map<String, List<Fact>> byEntity = new HashMap<>();
        authorised.stream().collect(Collectors.groupingBy(Fact::kind,
                        Collectors.mapping(Fact::entityId, Collectors.toSet())))
                .forEach((kind, ids) -> rows.ofEntities(kind, ids).forEach(f -> byEntity
                        .computeIfAbsent(ProgrammeState.key(f.kind(), f.entityId()), k -> new ArrayList<>()).add(f)));
        return DecisionChange.of(authorised, byEntity);
    }

    /**
     * The programme's creation as recorded by knownAt (and, with documentedBy, given by a paper
     * dated by then); empty when it was not yet known then.
     */
    private Optional<Fact> programme(String programmeId, Instant knownAt, LocalDate documentedBy) {
        return rows.ofEntity(Fact.Kind.PROGRAMME, programmeId).stream()
                .filter(f -> f.attribute() == Fact.Attribute.ADDED && !f.recordedAt().isAfter(knownAt))
                .filter(f -> documentedBy == null || documentedBy(f, documentedBy))
                .findFirst();
    }

    private void change(EventMessage<?> message, TrackingToken token, String user, Object event, LocalDate validFrom,
                        DecisionReference decision) {
        long index = position(token);
        rows.add(new ProgrammeRows.Change(message.getIdentifier(), index, index, validFrom, decision,
                message.getTimestamp(), user, ProgrammeRows.Source.of(message.getMetaData()), event, null));
        positions.advance(GROUP, index);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
