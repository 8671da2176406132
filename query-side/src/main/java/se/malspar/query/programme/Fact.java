package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One decided (or corrected) change of one entity, read from its typed table: {@code value} is its
 * content as the API shows it (built from the table's columns), {@code recorded} its recorded time
 * and correction, {@code provenance} where it comes from (the API's object), or null.
 */
record Fact(String factId, long globalIndex, long orderIndex, String eventType, Kind kind, String entityId,
            String parentId, Attribute attribute, JsonNode value, LocalDate validFrom, DecisionReference decision,
            Recorded recorded, JsonNode provenance) {

    enum Kind { PROGRAMME, GOAL, DELMAL, INDICATOR }

    /** What the change is about; SOURCE is an indicator's data source, set by Målspår's own mapping (no decision). */
    enum Attribute { ADDED, NAME, RETIRED, AMBITION, TARGET, SOURCE }

    /**
     * Recorded time: from {@code at} until {@code supersededAt}, when the correction {@code supersededBy}
     * replaced it; {@code correctionOf} the fact this one corrects, {@code reason} why (a correction's or
     * a data-source change's reason).
     */
    record Recorded(Instant at, String by, Instant supersededAt, String supersededBy, String correctionOf,
                    String reason) {
    }

    Instant recordedAt() {
        return recorded.at();
    }

    String recordedBy() {
        return recorded.by();
    }

    Instant supersededAt() {
        return recorded.supersededAt();
    }

    String supersededBy() {
        return recorded.supersededBy();
    }

    String correctionOf() {
        return recorded.correctionOf();
    }

    String correctionReason() {
        return recorded.reason();
    }

    /** Later in valid time, or decided later for the same date. */
    boolean supersedesInValidTime(Fact other) {
        int byDate = validFrom.compareTo(other.validFrom);
        return byDate > 0 || (byDate == 0 && orderIndex > other.orderIndex);
    }
}
