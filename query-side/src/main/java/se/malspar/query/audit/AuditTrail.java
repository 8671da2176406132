package se.malspar.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One page of the raw event trail. {@code nextAfterSequence} is the {@code afterSequence} of the
 * next page, or null when there is nothing more for now.
 */
public record AuditTrail(List<Event> events, Long nextAfterSequence) {

    /**
     * One stored event as it is in the store: {@code payload} and {@code metadata} are the stored
     * JSON (metadata: userId, loginMode, traceId, correlationId, idempotencyKey when present),
     * {@code decision} the decision the event names (its {@code decision}, or for a correction the
     * entry it {@code corrects}), null when it names none.
     */
    public record Event(long sequence, String eventId, String type, String payloadType, String revision,
                 Aggregate aggregate, JsonNode payload, JsonNode metadata, Decision decision, Instant recordedAt) {
    }

    /** The aggregate that applied the event, and the event's place in that aggregate's stream. */
    public record Aggregate(String type, String id, long sequenceNumber) {
    }

    public record Decision(String decisionId, String citation) {
    }
}
