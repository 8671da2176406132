package se.malspar.verifier;

/**
 * One row of the pack's events.json: an event exactly as the event store holds it.
 * {@code payload} and {@code metaData} are the stored bytes (base64-decoded); nullable fields may be null.
 */
record StoredEvent(long sequence, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                   long aggregateSequenceNumber, String payloadType, String payloadRevision, String timestamp,
                   byte[] payload, byte[] metaData) {
}
