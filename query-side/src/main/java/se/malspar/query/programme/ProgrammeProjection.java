package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.common.Provenance;
import org.axonframework.queryhandling.QueryHandler;
import se.malspar.kernel.programme.FindDecisionChanges;
import se.malspar.kernel.programme.FindFulfilment;
import se.malspar.kernel.programme.FindIndicatorHistory;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeChangeDates;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.FindProgrammes;
import org.springframework.stereotype.Component;
import se.malspar.kernel.fulfilment.Assessment;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.programme.AmbitionLevelCorrected;
import se.malspar.kernel.programme.FollowUpPeriod;
import se.malspar.kernel.programme.AmbitionLevelSet;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalAdded;
import se.malspar.kernel.programme.DelmalRenamed;
import se.malspar.kernel.programme.DelmalRetired;
import se.malspar.kernel.programme.GoalAdded;
import se.malspar.kernel.programme.IndicatorDefined;
import se.malspar.kernel.programme.IndicatorRetired;
import se.malspar.kernel.programme.IndicatorSourceChanged;
import se.malspar.kernel.programme.MeasurementRecorded;
import se.malspar.kernel.programme.ProgrammeCreated;
import se.malspar.kernel.programme.TargetValueSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the bitemporal programme read model: one fact per decided change (valid from its
 * effectiveFrom, recorded from its event's timestamp), corrections closing the recorded time of
 * what they correct, measurements superseding per period. Idempotent: facts are keyed by event id.
 * Rows are written per batch of events ({@link PendingRows}); a correction, which reads the
 * facts, first writes what the batch holds.
 */
@Component
@ProcessingGroup(ProgrammeProjection.GROUP)
class ProgrammeProjection {

    static final String GROUP = "programme";

    private final ProgrammeFacts facts;

    ProgrammeProjection(ProgrammeFacts facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(ProgrammeCreated e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = precision(object().put("name", e.name()).put("ownerOrgan", e.ownerOrgan()),
                e.effectiveFromPrecision());
        fact(message, token, user, e.programmeId().value(), Fact.PROGRAMME, e.programmeId().value(), null,
                Fact.ADDED, value, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(GoalAdded e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = precision(object().put("name", e.name()).put("goalArea", e.goalArea()),
                e.effectiveFromPrecision());
        fact(message, token, user, e.programmeId().value(), Fact.GOAL, e.goalId().value(), e.programmeId().value(),
                Fact.ADDED, value, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalAdded e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = precision(object().put("name", e.name()).put("description", e.description()),
                e.effectiveFromPrecision());
        fact(message, token, user, e.programmeId().value(), Fact.DELMAL, e.delmalId().value(), e.goalId().value(),
                Fact.ADDED, value, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalRenamed e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = object().put("name", e.name()).put("previousName", e.previousName());
        fact(message, token, user, null, Fact.DELMAL, e.delmalId().value(), e.goalId().value(), Fact.NAME, value,
                e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(DelmalRetired e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        fact(message, token, user, null, Fact.DELMAL, e.delmalId().value(), e.goalId().value(), Fact.RETIRED, object(),
                e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(IndicatorDefined e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = object().put("name", e.name()).put("unit", e.unit()).put("kind", e.kind().name())
                .put("direction", e.direction().name()).put("politicallyDecidedTarget", e.politicallyDecidedTarget())
                .put("note", e.note()).put("directionBasis", e.directionBasis().name())
                .put("directionReason", e.directionReason());
        precision(value, e.effectiveFromPrecision());
        value.set("source", ProgrammeFacts.JSON.valueToTree(e.source()));
        fact(message, token, user, null, Fact.INDICATOR, e.indicatorId().value(), e.delmalId().value(), Fact.ADDED,
                value, e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(IndicatorRetired e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        fact(message, token, user, null, Fact.INDICATOR, e.indicatorId().value(), e.delmalId().value(), Fact.RETIRED,
                object(), e.effectiveFrom(), e.decision());
    }

    /**
     * Not a decision: the fact has no decision, takes effect the day it was recorded (UTC), and its
     * reason is kept where a correction keeps its reason, so every history shows why.
     */
    @EventHandler
    void on(IndicatorSourceChanged e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        ObjectNode value = object();
        value.set("before", ProgrammeFacts.JSON.valueToTree(e.before()));
        value.set("after", ProgrammeFacts.JSON.valueToTree(e.after()));
        long index = position(token);
        PendingRows.add(facts, new Fact(message.getIdentifier(), index, index, type(message), null, Fact.INDICATOR,
                e.indicatorId().value(), null, Fact.SOURCE, value, LocalDate.ofInstant(recordedAt, ZoneOffset.UTC),
                null, null, recordedAt, user, null, null, null, e.reason(), provenance(message)));
    }

    @EventHandler
    void on(AmbitionLevelSet e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        fact(message, token, user, null, Fact.INDICATOR, e.indicatorId().value(), null, Fact.AMBITION,
                precision(ProgrammeFacts.JSON.valueToTree(e.ambitionLevel()), e.effectiveFromPrecision()), e.effectiveFrom(),
                e.decision());
    }

    @EventHandler
    void on(AmbitionLevelCorrected e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        PendingRows.flushCurrent();
        long index = position(token);
        String factId = message.getIdentifier();
        ProgrammeFacts.CorrectedEntry corrected = facts.currentAmbitionEntry(e.indicatorId().value(),
                e.corrects().decisionId().value(), e.effectiveFrom(), index, factId).orElse(null);
        // The corrected entry keeps its place among entries that take effect the same day.
        long order = corrected == null ? index : corrected.orderIndex();
        facts.insert(new Fact(factId, index, order, type(message), null, Fact.INDICATOR, e.indicatorId().value(), null,
                Fact.AMBITION, ProgrammeFacts.JSON.valueToTree(e.ambitionLevel()), e.effectiveFrom(),
                e.corrects().decisionId().value(), e.corrects().citation(), recordedAt, user, null, null,
                corrected == null ? null : corrected.factId(), e.reason(), provenance(message)));
        if (corrected != null) {
            facts.supersede(corrected.factId(), recordedAt, factId);
        }
    }

    @EventHandler
    void on(TargetValueSet e, EventMessage<?> message, TrackingToken token, @MetaDataValue("userId") String user) {
        ObjectNode value = object().put("value", e.value()).put("year", e.year());
        fact(message, token, user, null, Fact.INDICATOR, e.indicatorId().value(), null, Fact.TARGET, value,
                e.effectiveFrom(), e.decision());
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        PendingRows.add(facts, new ProgrammeFacts.NewMeasurement(message.getIdentifier(), position(token),
                e.indicatorId().value(), e.period(), FollowUpPeriod.order(e.period()), e.value(), e.done(),
                e.dataPeriod(), ProgrammeFacts.json(e.referenceValues()),
                e.source() == null ? null : ProgrammeFacts.json(e.source()), e.note(), recordedAt, user));
    }

    @EventHandler
    void on(FulfilmentComputed e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        Assessment a = e.assessment();
        PendingRows.add(facts, new ProgrammeFacts.Verdict(message.getIdentifier(), position(token), e.indicatorId().value(),
                e.period(), FollowUpPeriod.order(e.period()), "COMPUTED", a.verdict().name(), a.principleVersion(),
                // Wrapped, not converted to a tree: they are only written, once, and converting them
                // to a tree first took about a fifth of a rebuild's CPU.
                a.basedOnPeriod(), a.carriedForward(), ProgrammeFacts.JSON.getNodeFactory().pojoNode(e.inputs()),
                ProgrammeFacts.JSON.getNodeFactory().pojoNode(a.steps()), a.explanationSv(), a.explanationEn(), null, null, null,
                recordedAt, user, null, null));
    }

    @EventHandler
    void on(FulfilmentAssessed e, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String user) {
        PendingRows.add(facts, new ProgrammeFacts.Verdict(message.getIdentifier(), position(token), e.indicatorId().value(),
                e.period(), FollowUpPeriod.order(e.period()), "HUMAN", e.status().name(), null, null, null, null, null,
                null, null, e.motivation(), e.decision() == null ? null : e.decision().decisionId().value(),
                e.decision() == null ? null : e.decision().citation(), recordedAt, user, null, null));
    }

    @ResetHandler
    void reset() {
        facts.deleteAll();
    }

    @QueryHandler
    List<ProgrammeSummary> handle(FindProgrammes query) {
        return facts.programmes().stream().map(f -> new ProgrammeSummary(f.entityId(), f.value().path("name").asText(),
                f.value().path("ownerOrgan").asText(null), f.validFrom(), f.decision())).toList();
    }

    @QueryHandler
    Optional<ProgrammeTree> handle(FindProgrammeTree query) {
        return programme(query.programmeId().value(), query.knownAt()).map(programme -> {
            ProgrammeState state = ProgrammeState.of(facts.inForce(programme.entityId(), query.validAt(), query.knownAt()));
            List<String> indicators = state.entities().values().stream()
                    .filter(e -> Fact.INDICATOR.equals(e.kind) && state.inForce(e)).map(e -> e.id).toList();
            Map<String, ProgrammeFacts.Measurement> latest = facts.latestMeasurements(indicators, query.knownAt()).stream()
                    .collect(Collectors.toMap(ProgrammeFacts.Measurement::indicatorId, m -> m));
            // Only one period's verdicts are shown: the one asked for, else the latest with any verdict.
            String period = query.period() != null ? query.period()
                    : facts.latestVerdictPeriod(indicators, query.knownAt()).orElse(null);
            return TreeAssembler.assemble(programme, query.validAt(), query.knownAt(), state, latest, period,
                    period == null ? List.of() : facts.currentVerdicts(indicators, period, query.knownAt()));
        });
    }

    @QueryHandler
    Optional<ProgrammeDiff> handle(FindProgrammeDiff query) {
        return programme(query.programmeId().value(), query.knownAt()).map(programme -> ProgrammeDiff.between(
                programme.entityId(), query.from(), query.to(), query.knownAt(),
                ProgrammeState.of(facts.inForce(programme.entityId(), query.from(), query.knownAt())),
                ProgrammeState.of(facts.inForce(programme.entityId(), query.to(), query.knownAt()))));
    }

    @QueryHandler
    List<LocalDate> handle(FindProgrammeChangeDates query) {
        return programme(query.programmeId().value(), query.knownAt())
                .map(programme -> facts.changeDates(programme.entityId(), query.knownAt())).orElse(List.of());
    }

    @QueryHandler
    Optional<IndicatorHistory> handle(FindIndicatorHistory query) {
        List<Fact> indicatorFacts = facts.ofEntity(Fact.INDICATOR, query.indicatorId().value());
        if (indicatorFacts.isEmpty()) {
            return Optional.empty();
        }
        String programmeId = indicatorFacts.stream().filter(f -> Fact.ADDED.equals(f.attribute())).findFirst()
                .flatMap(f -> facts.programmeOfDelmal(f.parentId())).orElse(null);
        return Optional.of(IndicatorHistory.of(query.indicatorId().value(), programmeId, indicatorFacts,
                facts.measurementsOf(query.indicatorId().value()), facts.verdictsOf(query.indicatorId().value())));
    }

    @QueryHandler
    Optional<IndicatorFulfilment> handle(FindFulfilment query) {
        String indicator = query.indicatorId().value();
        if (facts.ofEntity(Fact.INDICATOR, indicator).isEmpty()) {
            return Optional.empty();
        }
        String period = query.period() != null ? query.period() : facts.latestVerdictPeriodOf(indicator).orElse(null);
        return Optional.of(IndicatorFulfilment.of(indicator, period,
                period == null ? List.of() : facts.verdictsOf(indicator, period)));
    }

    @QueryHandler
    List<DecisionChange> handle(FindDecisionChanges query) {
        List<Fact> authorised = facts.authorisedBy(query.decisionId().value());
        Map<String, List<Fact>> byEntity = new HashMap<>();
        authorised.stream().collect(Collectors.groupingBy(Fact::kind,
                        Collectors.mapping(Fact::entityId, Collectors.toSet())))
                .forEach((kind, ids) -> facts.ofEntities(kind, ids).forEach(f -> byEntity
                        .computeIfAbsent(ProgrammeState.key(f.kind(), f.entityId()), k -> new ArrayList<>()).add(f)));
        return DecisionChange.of(authorised, byEntity);
    }

    /** The programme's creation as recorded by knownAt; empty when it was not yet known then. */
    private Optional<Fact> programme(String programmeId, Instant knownAt) {
        return facts.ofEntity(Fact.PROGRAMME, programmeId).stream()
                .filter(f -> Fact.ADDED.equals(f.attribute()) && !f.recordedAt().isAfter(knownAt))
                .findFirst();
    }


    private void fact(EventMessage<?> message, TrackingToken token, String user, String programmeId, String kind,
                      String entityId, String parentId, String attribute, JsonNode value, LocalDate validFrom,
                      DecisionReference decision) {
        long index = position(token);
        PendingRows.add(facts, new Fact(message.getIdentifier(), index, index, type(message), programmeId, kind, entityId,
                parentId, attribute, value, validFrom, decision.decisionId().value(), decision.citation(),
                message.getTimestamp(), user, null, null, null, null, provenance(message)));
    }

    /**
     * The event's provenance metadata as one object: {@code origin}, {@code historyFile},
     * {@code historyFileVersion}, {@code source {document, locator, quote, documentDate}}, {@code note};
     * null when the event carries none.
     */
    static ObjectNode provenance(EventMessage<?> message) {
        Map<String, ?> meta = message.getMetaData();
        ObjectNode node = object();
        put(node, "origin", meta.get(Provenance.ORIGIN));
        put(node, "historyFile", meta.get(Provenance.HISTORY_FILE));
        put(node, "historyFileVersion", meta.get(Provenance.HISTORY_FILE_VERSION));
        ObjectNode source = object();
        put(source, "document", meta.get(Provenance.SOURCE_DOCUMENT));
        put(source, "locator", meta.get(Provenance.SOURCE_LOCATOR));
        put(source, "quote", meta.get(Provenance.SOURCE_QUOTE));
        put(source, "documentDate", meta.get(Provenance.SOURCE_DOCUMENT_DATE));
        if (!source.isEmpty()) {
            node.set("source", source);
        }
        put(node, "note", meta.get(Provenance.NOTE));
        return node.isEmpty() ? null : node;
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    /** A date the paper gives only to the month or year says so in the value; a day stays as before. */
    private static ObjectNode precision(ObjectNode value, DatePrecision precision) {
        return precision == null || precision == DatePrecision.DAY ? value
                : value.put("effectiveFromPrecision", precision.name());
    }

    private static ObjectNode object() {
        return ProgrammeFacts.JSON.createObjectNode();
    }

    private static String type(EventMessage<?> message) {
        return message.getPayloadType().getSimpleName();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
