package se.malspar.query.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every entity of a programme from the facts in force on one date as recorded by
 * one instant: what exists, under which parent, with which name, ambition level and target value.
 * An entity is in force when it has been added, is not retired, and its parent is in force.
 */
final class ProgrammeState {

    private final Map<String, Entity> entities = new HashMap<>();

    private ProgrammeState() {
    }

    static String key(Fact.Kind kind, String id) {
        return kind + "/" + id;
    }

    static ProgrammeState of(List<Fact> inForce) {
        ProgrammeState state = new ProgrammeState();
        for (Fact f : inForce) {
            Entity e = state.entities.computeIfAbsent(key(f.kind(), f.entityId()), k -> new Entity(f.kind(), f.entityId()));
            switch (f.attribute()) {
                case ADDED -> e.added = f;
                case NAME -> e.renamed = f;
                case RETIRED -> e.retired = f;
                case AMBITION -> e.ambition = f;
                case TARGET -> e.target = f;
                case SOURCE -> e.source = f;
            }
        }
        return state;
    }

    Map<String, Entity> entities() {
        return entities;
    }

    Entity get(Fact.Kind kind, String id) {
        return entities.get(key(kind, id));
    }

    static Fact.Kind parentKind(Fact.Kind kind) {
        return switch (kind) {
            case GOAL -> Fact.Kind.PROGRAMME;
            case DELMAL -> Fact.Kind.GOAL;
            case INDICATOR -> Fact.Kind.DELMAL;
            case PROGRAMME -> null;
        };
    }

    boolean inForce(Entity e) {
        if (e == null || e.added == null || e.retired != null) {
            return false;
        }
        Fact.Kind parentKind = parentKind(e.kind);
        return parentKind == null || inForce(get(parentKind, e.added.parentId()));
    }

    Entity parent(Entity e) {
        Fact.Kind parentKind = parentKind(e.kind);
        return parentKind == null || e.added == null ? null : get(parentKind, e.added.parentId());
    }

    /** One entity's facts in force. */
    static final class Entity {
        final Fact.Kind kind;
        final String id;
        Fact added;
        Fact renamed;
        Fact retired;
        Fact ambition;
        Fact source;
        Fact target;

        Entity(Fact.Kind kind, String id) {
            this.kind = kind;
            this.id = id;
        }

        /** The fact that gave the entity the name in force: a rename that took effect after the addition. */
        Fact nameFact() {
            return renamed != null && renamed.supersedesInValidTime(added) ? renamed : added;
        }

        String name() {
            return added == null ? null : nameFact().value().path("name").asText(null);
        }
    }
}
