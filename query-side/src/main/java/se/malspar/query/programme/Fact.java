package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code programme_fact}: a decided (or corrected) value of one attribute of one entity;
 * {@code provenance} is where it comes from (its event's provenance metadata), or null.
 */
record Fact(String factId, long globalIndex, long orderIndex, String eventType, String programmeId, String kind, String entityId,
            String parentId, String attribute, JsonNode value, LocalDate validFrom, String decisionId, String citation,
            Instant recordedAt, String recordedBy, Instant supersededAt, String supersededBy, String correctionOf,
            String correctionReason, JsonNode provenance) {

    static final String PROGRAMME = "PROGRAMME";
    static final String GOAL = "GOAL";
    static final String DELMAL = "DELMAL";
    static final String INDICATOR = "INDICATOR";

    static final String ADDED = "ADDED";
    static final String NAME = "NAME";
    static final String RETIRED = "RETIRED";
    static final String AMBITION = "AMBITION";
    static final String TARGET = "TARGET";
    /** An indicator's data source, set by Målspår's own mapping (a reason, no decision). */
    static final String SOURCE = "SOURCE";

    DecisionReference decision() {
        return decisionId == null ? null : new DecisionReference(new DecisionId(decisionId), citation);
    }

    /** Later in valid time, or decided later for the same date. */
    boolean supersedesInValidTime(Fact other) {
        int byDate = validFrom.compareTo(other.validFrom);
        return byDate > 0 || (byDate == 0 && orderIndex > other.orderIndex);
    }
}
