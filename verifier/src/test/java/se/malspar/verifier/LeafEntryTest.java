package se.malspar.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The canonical entry bytes are a format shared with the server: pinned here byte for byte. */
class LeafEntryTest {

    @Test
    void eventEntryHasTheSpecifiedBytesWithNullsAsAllOnesLength() {
        StoredEvent event = new StoredEvent(42, "e1", "Delmal", "mål", 3, "T", null, "2026-11-26T04:00:00Z",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null);

        String expected = "01" + "00"                          // format version 1, kind event
                + "000000000000002a"                            // global_index 42
                + "00000002" + "6531"                           // event_identifier "e1"
                + "00000006" + "44656c6d616c"                   // type "Delmal"
                + "00000004" + "6dc3a56c"                       // aggregate_identifier "mål" (UTF-8, å = c3 a5)
                + "0000000000000003"                            // sequence_number 3
                + "00000001" + "54"                             // payload_type "T"
                + "ffffffff"                                    // payload_revision NULL
                + "00000014" + "323032362d31312d32365430343a30303a30305a" // time_stamp "2026-11-26T04:00:00Z"
                + "00000007" + "7b2261223a317d"                 // payload {"a":1}
                + "ffffffff";                                   // meta_data NULL
        assertEquals(expected, HexFormat.of().formatHex(LeafEntry.event(event)));
    }

    @Test
    void eventEntryWritesPresentRevisionAndMetaDataWithTheirLengths() {
        StoredEvent event = new StoredEvent(1, "", null, "a", 0, "T", "2", "t", new byte[0], new byte[] {(byte) 0xff});

        String expected = "0100" + "0000000000000001" + "00000000" + "ffffffff" + "0000000161"
                + "0000000000000000" + "0000000154" + "0000000132" + "0000000174" + "00000000" + "00000001ff";
        assertEquals(expected, HexFormat.of().formatHex(LeafEntry.event(event)));
    }

    @Test
    void gapEntryIsVersionKindAndSequenceOnly() {
        assertEquals("0101000000000000002b", HexFormat.of().formatHex(LeafEntry.gap(43)));
    }
}
