package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change a decision authorised: the event, the entity, what stood before (as recorded when the
 * change was made) and after, when it took effect, who recorded it and when. {@code correctedAt}
 * is set when the entry was later corrected (the correction itself is not the decision's).
 * {@code sequence} is the event's place in the store, the leaf a revisor's proof is about.
 * {@code parentId} names what the entity hangs under (goal of a delmål, delmål of an indicator);
 * {@code provenance} where the change comes from (source paper, quote, note, import origin), or null.
 */
public record DecisionChange(long sequence, String event, String entityKind, String entityId, String entityName,
                             String parentId, JsonNode before, JsonNode after, LocalDate effectiveFrom,
                             Instant recordedAt, String recordedBy, Instant correctedAt, JsonNode provenance) {

    private static final Set<Fact.Attribute> NAMING = Set.of(Fact.Attribute.ADDED, Fact.Attribute.NAME);

    /**
     * Every change a decision authorised, in sequence: the programme's, and those kept in read models
     * of their own (ambition reviews, stated delmål counts, Barnkonventionen links, closed and reopened periods).
     */
    public static List<DecisionChange> authorisedBy(org.axonframework.queryhandling.QueryGateway queries,
                                                    se.malspar.kernel.decision.DecisionId id) {
        var type = org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf(DecisionChange.class);
        List<DecisionChange> all = new java.util.ArrayList<>(queries.query(
                new se.malspar.kernel.programme.FindDecisionChanges(id), type).join());
        all.addAll(queries.query(new se.malspar.kernel.programme.ambition.FindAmbitionReviewChanges(id), type).join());
        all.addAll(queries.query(new se.malspar.kernel.programme.structure.FindDelmalCountChanges(id), type).join());
        all.addAll(queries.query(new se.malspar.kernel.programme.structure.FindChildRightsChanges(id), type).join());
        all.addAll(queries.query(new se.malspar.kernel.programme.measurement.FindPeriodChanges(id), type).join());
        all.sort(Comparator.comparingLong(DecisionChange::sequence));
        return all;
    }

    static List<DecisionChange> of(List<Fact> authorised, Map<String, List<Fact>> factsByEntity) {
        return authorised.stream().map(f -> {
            List<Fact> entityFacts = factsByEntity.getOrDefault(ProgrammeState.key(f.kind(), f.entityId()), List.of());
            return new DecisionChange(f.globalIndex(), f.eventType(), f.kind().name(), f.entityId(), nameOf(entityFacts),
                    parentOf(f, entityFacts), before(f, entityFacts),
                    f.attribute() == Fact.Attribute.RETIRED ? ProgrammeJson.JSON.createObjectNode().put("retired", true) : f.value(),
                    f.validFrom(), f.recordedAt(), f.recordedBy(), f.supersededAt(), f.provenance());
        }).toList();
    }

    /** The entity's parent: on the change itself, else as its addition recorded it. */
    private static String parentOf(Fact change, List<Fact> facts) {
        if (change.parentId() != null && !change.parentId().isBlank()) {
            return change.parentId();
        }
        return facts.stream().filter(f -> f.attribute() == Fact.Attribute.ADDED).map(Fact::parentId)
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse(null);
    }

    /** The entity's latest recorded name. */
    private static String nameOf(List<Fact> facts) {
        return facts.stream().filter(f -> NAMING.contains(f.attribute()) && f.supersededAt() == null)
                .max(Comparator.comparing(Fact::validFrom).thenComparing(Fact::orderIndex))
                .map(f -> f.value().path("name").asText(null)).orElse(null);
    }

    /** What stood in force, as recorded at the change, on the day before it took effect. */
    private static JsonNode before(Fact change, List<Fact> facts) {
        if (change.attribute() == Fact.Attribute.ADDED) {
            return null;
        }
        if (change.attribute() == Fact.Attribute.RETIRED) {
            return ProgrammeJson.JSON.createObjectNode().put("retired", false);
        }
        Set<Fact.Attribute> sameKind = change.attribute() == Fact.Attribute.NAME ? NAMING : Set.of(change.attribute());
        return facts.stream()
                .filter(o -> sameKind.contains(o.attribute()) && o.globalIndex() < change.globalIndex())
                .filter(o -> o.supersededAt() == null || o.supersededAt().isAfter(change.recordedAt()))
                .filter(o -> o.validFrom().isBefore(change.validFrom())
                        || (o.validFrom().equals(change.validFrom()) && o.orderIndex() < change.orderIndex()))
                .max(Comparator.comparing(Fact::validFrom).thenComparing(Fact::orderIndex))
                .map(o -> change.attribute() == Fact.Attribute.NAME
                        ? (JsonNode) ProgrammeJson.JSON.createObjectNode().put("name", o.value().path("name").asText(null))
                        : o.value())
                .orElse(null);
    }
}
