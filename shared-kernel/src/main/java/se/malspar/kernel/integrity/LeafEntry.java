package se.malspar.kernel.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical byte encoding of a leaf (README "Integrity and revision"): a stored event row
 * exactly as stored, or the gap the store left at a sequence number. Integers are unsigned
 * big-endian; a string is u32 length and its bytes, NULL is length 0xFFFFFFFF.
 */
public final class LeafEntry {

    static final byte FORMAT_VERSION = 0x01;
    static final byte KIND_EVENT = 0x00;
    static final byte KIND_GAP = 0x01;

    private LeafEntry() {
    }

    public static byte[] event(long globalIndex, String eventIdentifier, String aggregateType,
                               String aggregateIdentifier, long aggregateSequenceNumber, String payloadType,
                               String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + payload.length + (metaData == null ? 0 : metaData.length));
        out.write(FORMAT_VERSION);
        out.write(KIND_EVENT);
        u64(out, globalIndex);
        text(out, eventIdentifier);
        text(out, aggregateType);
        text(out, aggregateIdentifier);
        u64(out, aggregateSequenceNumber);
        text(out, payloadType);
        text(out, payloadRevision);
        text(out, timeStamp);
        bytes(out, payload);
        bytes(out, metaData);
        return out.toByteArray();
    }

    public static byte[] gap(long globalIndex) {
        return ByteBuffer.allocate(10).put(FORMAT_VERSION).put(KIND_GAP).putLong(globalIndex).array();
    }

    private static void u64(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }
}
