package se.malspar.query.integrity;

import se.malspar.kernel.integrity.LeafEntry;
import se.malspar.kernel.integrity.MerkleTree;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code domain_event_entry} exactly as stored: what a leaf is computed from. */
public record StoredEvent(long sequence, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                   long aggregateSequenceNumber, String payloadType, String payloadRevision, String timestamp,
                   byte[] payload, byte[] metaData) {

    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data";

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    byte[] entry() {
        return LeafEntry.event(sequence, eventIdentifier, aggregateType, aggregateIdentifier, aggregateSequenceNumber,
                payloadType, payloadRevision, timestamp, payload, metaData);
    }

    byte[] leafHash() {
        return MerkleTree.leafHash(entry());
    }

    static byte[] gapLeafHash(long sequence) {
        return MerkleTree.leafHash(LeafEntry.gap(sequence));
    }
}
