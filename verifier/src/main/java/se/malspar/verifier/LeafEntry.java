package se.malspar.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical leaf entry bytes of INTEGRITY-SPEC "Canonical leaf entry": unsigned big-endian integers,
 * strings as {@code u32 length ‖ bytes}, NULL as length 0xFFFFFFFF with no bytes.
 */
final class LeafEntry {

    private static final byte FORMAT_VERSION = 0x01;
    private static final byte KIND_EVENT = 0x00;
    private static final byte KIND_GAP = 0x01;
    private static final int NULL_LENGTH = 0xFFFFFFFF;

    private LeafEntry() {
    }

    static byte[] event(StoredEvent e) {
        Writer w = new Writer();
        w.u8(FORMAT_VERSION);
        w.u8(KIND_EVENT);
        w.u64(e.sequence());
        w.text(e.eventIdentifier());
        w.text(e.aggregateType());
        w.text(e.aggregateIdentifier());
        w.u64(e.aggregateSequenceNumber());
        w.text(e.payloadType());
        w.text(e.payloadRevision());
        w.text(e.timestamp());
        w.bytes(e.payload());
        w.bytes(e.metaData());
        return w.out.toByteArray();
    }

    /** A sequence value the store skipped; its leaf holds only the value. */
    static byte[] gap(long globalIndex) {
        Writer w = new Writer();
        w.u8(FORMAT_VERSION);
        w.u8(KIND_GAP);
        w.u64(globalIndex);
        return w.out.toByteArray();
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void u8(byte b) {
            out.write(b);
        }

        void u32(int v) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(v).array());
        }

        void u64(long v) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
        }

        void text(String s) {
            bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            if (b == null) {
                u32(NULL_LENGTH);
                return;
            }
            u32(b.length);
            out.writeBytes(b);
        }
    }
}
