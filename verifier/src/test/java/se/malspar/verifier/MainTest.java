package se.malspar.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line: real pack ZIPs laid out as INTEGRITY-SPEC "Audit pack", signed
 * with generated Ed25519 keys, over a store whose sequence 4 was skipped (a gap leaf in the tree).
 */
class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEY = ed25519();
    private static final KeyPair OTHER_KEY = ed25519();
    private static final int TREE_SIZE = 7;
    private static final int GAP = 4;
    /** The events the decision authorised; the others in the store belong to other decisions. */
    private static final List<Long> DECISION_EVENTS = List.of(2L, 5L, 6L);

    @TempDir
    Path dir;

    @Test
    void packWhoseEventsAreAllInTheSignedTreeAndGrewFromTheKeptCheckpointPasses() throws IOException {
        Path keys = write("public-keys.json", List.of(keyJson(OTHER_KEY), keyJson(KEY)));
        Path kept = write("kept.json", checkpointJson(leafHashes(store(), 4), KEY));
        Path proof = write("consistency.json", consistencyJson(4, leafHashes(store(), TREE_SIZE)));

        Result result = run("pack", zip(pack(store(), store(), KEY)).toString(), "--public-key", keys.toString(),
                "--kept-checkpoint", kept.toString(), "--consistency-proof", proof.toString());

        assertEquals(Main.OK, result.exit(), result.out());
        assertTrue(result.out().contains("GODKÄNT: 3 händelser kontrollerade mot checkpointen med trädstorlek 7, "
                + "i samma historik som den sparade checkpointen (trädstorlek 4)."), result.out());
    }

    @Test
    void alteredPayloadByteFailsNamingTheEvent() throws IOException {
        Map<String, Object> pack = pack(store(), store(), KEY);
        List<Map<String, Object>> events = events(pack);
        byte[] payload = Base64.getDecoder().decode((String) events.get(1).get("payload"));
        payload[3] ^= 1;
        events.get(1).put("payload", Base64.getEncoder().encodeToString(payload));

        Result result = check(pack, KEY);

        assertFailed(result, "FEL: händelse 5: lövhashen stämmer inte med beviset");
    }

    @Test
    void checkpointWhoseSignedFieldsWereChangedFailsOnTheSignature() throws IOException {
        Map<String, Object> pack = pack(store(), store(), KEY);
        @SuppressWarnings("unchecked")
        Map<String, Object> checkpoint = (Map<String, Object>) pack.get("checkpoint.json");
        checkpoint.put("issuedAt", "2026-11-26T05:00:00Z");

        Result result = check(pack, KEY);

        assertFailed(result, "FEL: packets checkpoint: signaturen stämmer inte med nyckeln " + keyId(KEY));
    }

    @Test
    void packSignedByAKeyTheRevisorDidNotKeepFails() throws IOException {
        Result result = check(pack(store(), store(), OTHER_KEY), KEY);

        assertFailed(result, "FEL: packets checkpoint är signerad med nyckeln " + keyId(OTHER_KEY)
                + " som inte finns bland de betrodda nycklarna [" + keyId(KEY) + "]");
    }

    @Test
    void proofsFromAnotherTreeFailAgainstTheCheckpointRoot() throws IOException {
        List<StoredEvent> rewritten = store();
        rewritten.set(2, withPayload(rewritten.get(2), "{\"varde\":\"82,0\"}"));
        Map<String, Object> pack = pack(store(), rewritten, KEY);

        Result result = check(pack, KEY);

        assertFailed(result, "FEL: händelse 2: inklusionsbeviset leder inte till checkpointens rothash");
    }

    @Test
    void keptCheckpointOfARewrittenHistoryIsNotConsistentWithTheNewOne() throws IOException {
        List<StoredEvent> rewritten = store();
        rewritten.set(2, withPayload(rewritten.get(2), "{\"varde\":\"82,0\"}"));
        Path key = write("key.json", keyJson(KEY));
        Path kept = write("kept.json", checkpointJson(leafHashes(rewritten, 3), KEY));
        Path proof = write("consistency.json", consistencyJson(3, leafHashes(store(), TREE_SIZE)));

        Result result = run("pack", zip(pack(store(), store(), KEY)).toString(), "--public-key", key.toString(),
                "--kept-checkpoint", kept.toString(), "--consistency-proof", proof.toString());

        assertFailed(result, "FEL: konsistensbeviset leder inte till den äldre checkpointens rothash");
    }

    @Test
    void eventLeftOutOfEventsJsonWhileItsProofRemainsIsNamed() throws IOException {
        Map<String, Object> pack = pack(store(), store(), KEY);
        events(pack).remove(1);

        Result result = check(pack, KEY);

        assertFailed(result, "FEL: proofs.json har bevis för sekvens 5 men ingen sådan händelse finns i events.json");
    }

    @Test
    void eventsJsonWithAFieldWrittenTwiceIsRefused() throws IOException {
        Map<String, Object> pack = pack(store(), store(), KEY);
        String events = JSON.writeValueAsString(pack.get("events.json"));
        pack.put("events.json", events.replaceFirst("\"payload\":", "\"payload\":\"e30=\",\"payload\":"));

        Result result = check(pack, KEY);

        assertFailed(result, "FEL: events.json är inte giltig JSON: Duplicate field 'payload'");
    }

    @Test
    void consistencyCommandAcceptsTheGrownTreeAndRejectsTheCheckpointsSwapped() throws IOException {
        Path key = write("key.json", keyJson(KEY));
        Path older = write("older.json", checkpointJson(leafHashes(store(), 3), KEY));
        Path newer = write("newer.json", checkpointJson(leafHashes(store(), TREE_SIZE), KEY));
        Path proof = write("consistency.json", consistencyJson(3, leafHashes(store(), TREE_SIZE)));

        Result grown = run("consistency", older.toString(), newer.toString(), proof.toString(),
                "--public-key", key.toString());
        Result swapped = run("consistency", newer.toString(), older.toString(), proof.toString(),
                "--public-key", key.toString());

        assertEquals(Main.OK, grown.exit(), grown.out());
        assertTrue(grown.out().contains("GODKÄNT: trädet med storlek 7 är en fortsättning av trädet med storlek 3"),
                grown.out());
        assertFailed(swapped, "FEL: konsistensbeviset gäller trädstorlekarna 3 → 7, men checkpointerna har 7 → 3");
    }

    @Test
    void badUsageExitsWithTwoAndExplains() throws IOException {
        Path pack = zip(pack(store(), store(), KEY));

        Result noKey = run("pack", pack.toString());
        Result unknown = run("granska", pack.toString(), "--public-key", write("key.json", keyJson(KEY)).toString());
        Result missingFile = run("pack", pack.toString(), "--public-key", dir.resolve("saknas.json").toString());

        assertEquals(Main.USAGE, noKey.exit());
        assertTrue(noKey.err().contains("--public-key saknas"), noKey.err());
        assertEquals(Main.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("okänt kommando granska"), unknown.err());
        assertEquals(Main.USAGE, missingFile.exit());
        assertTrue(missingFile.err().contains("filen finns inte"), missingFile.err());
    }

    // --- the store, the tree and the pack, built here independently of any server code ---

    /** Sequences 1..7 of the event store; 4 is absent (a rolled-back transaction). */
    private static List<StoredEvent> store() {
        List<StoredEvent> events = new ArrayList<>();
        for (long sequence = 1; sequence <= TREE_SIZE; sequence++) {
            if (sequence == GAP) {
                continue;
            }
            events.add(new StoredEvent(sequence, "5d0c6f1e-0000-4000-8000-00000000000" + sequence,
                    sequence == 6 ? null : "Indikator", "kf2-larande-och-utbildning-gymnasiebehorighet", sequence,
                    "se.malspar.sharedkernel.indikator.MatvardeRegistrerat", sequence % 2 == 0 ? "1" : null,
                    "2026-11-26T04:0" + sequence + ":00.123456Z",
                    ("{\"period\":\"2022-AR\",\"varde\":\"81," + sequence + "\"}").getBytes(StandardCharsets.UTF_8),
                    sequence == 5 ? null
                            : "{\"decision\":\"KS 2022-03-09 § 70\"}".getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    private static StoredEvent withPayload(StoredEvent e, String payload) {
        return new StoredEvent(e.sequence(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                e.aggregateSequenceNumber(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                payload.getBytes(StandardCharsets.UTF_8), e.metaData());
    }

    /** Leaf hashes of sequences 1..treeSize: the stored event, or a gap leaf for a skipped value. */
    private static List<byte[]> leafHashes(List<StoredEvent> store, int treeSize) {
        List<byte[]> leaves = new ArrayList<>();
        for (long sequence = 1; sequence <= treeSize; sequence++) {
            long s = sequence;
            byte[] entry = store.stream().filter(e -> e.sequence() == s).findFirst()
                    .map(LeafEntry::event).orElseGet(() -> LeafEntry.gap(s));
            leaves.add(Merkle.leafHash(entry));
        }
        return leaves;
    }

    /** The pack's files; {@code proofTree} is the store the proofs are computed from (normally {@code store}). */
    private static Map<String, Object> pack(List<StoredEvent> store, List<StoredEvent> proofTree, KeyPair signer) {
        List<byte[]> leaves = leafHashes(store, TREE_SIZE);
        List<byte[]> proofLeaves = leafHashes(proofTree, TREE_SIZE);
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> proofs = new ArrayList<>();
        for (StoredEvent event : store) {
            if (DECISION_EVENTS.contains(event.sequence())) {
                events.add(eventJson(event));
                int index = (int) event.sequence() - 1;
                proofs.add(map("sequence", event.sequence(), "leafIndex", index, "treeSize", TREE_SIZE,
                        "leafHash", hex(proofLeaves.get(index)),
                        "auditPath", NaiveTree.path(index, proofLeaves).stream().map(MainTest::hex).toList()));
            }
        }
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("LASMIG.txt", "Revisionspaket för beslutet KS 2022-03-09 § 70.");
        files.put("entry.json", map("decision", "KS 2022-03-09 § 70"));
        files.put("changes.json", List.of());
        files.put("changes.csv", "sekvens;ändring\n");
        files.put("events.json", events);
        files.put("proofs.json", proofs);
        files.put("checkpoint.json", checkpointJson(leaves, signer));
        files.put("public-keys.json", List.of(keyJson(signer)));
        files.put("verifications.json", List.of());
        return files;
    }

    private static Map<String, Object> eventJson(StoredEvent e) {
        return map("sequence", e.sequence(), "eventIdentifier", e.eventIdentifier(),
                "aggregateType", e.aggregateType(), "aggregateIdentifier", e.aggregateIdentifier(),
                "aggregateSequenceNumber", e.aggregateSequenceNumber(), "payloadType", e.payloadType(),
                "payloadRevision", e.payloadRevision(), "timestamp", e.timestamp(),
                "payload", Base64.getEncoder().encodeToString(e.payload()),
                "metaData", e.metaData() == null ? null : Base64.getEncoder().encodeToString(e.metaData()));
    }

    /** A checkpoint over {@code leaves}, signed over the spec's five-line text. */
    private static Map<String, Object> checkpointJson(List<byte[]> leaves, KeyPair signer) {
        String root = hex(NaiveTree.mth(leaves));
        String issuedAt = "2026-11-26T04:00:00Z";
        String text = "malspar-checkpoint v1\ntree-size " + leaves.size() + "\nroot-hash " + root
                + "\nissued-at " + issuedAt + "\nkey-id " + keyId(signer) + "\n";
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signer.getPrivate());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return map("treeSize", leaves.size(), "rootHash", root, "issuedAt", issuedAt, "keyId", keyId(signer),
                    "signature", Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> consistencyJson(int fromSize, List<byte[]> leaves) {
        return map("fromTreeSize", fromSize, "toTreeSize", leaves.size(),
                "proof", NaiveTree.consistency(fromSize, leaves).stream().map(MainTest::hex).toList());
    }

    private static Map<String, Object> keyJson(KeyPair key) {
        return map("keyId", keyId(key), "algorithm", "Ed25519",
                "publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    }

    private static String keyId(KeyPair key) {
        return TrustedKeys.keyId(key.getPublic().getEncoded());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> pack) {
        return (List<Map<String, Object>>) pack.get("events.json");
    }

    private Result check(Map<String, Object> pack, KeyPair trusted) throws IOException {
        return run("pack", zip(pack).toString(), "--public-key", write("key.json", keyJson(trusted)).toString());
    }

    private Path zip(Map<String, Object> files) throws IOException {
        Path zip = Files.createTempFile(dir, "pack", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> file : files.entrySet()) {
                entries.putNextEntry(new ZipEntry(file.getKey()));
                entries.write(file.getValue() instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(file.getValue()));
                entries.closeEntry();
            }
        }
        return zip;
    }

    private Path write(String name, Object json) throws IOException {
        Path file = dir.resolve(name);
        JSON.writeValue(file.toFile(), json);
        return file;
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertFailed(Result result, String firstFailure) {
        assertEquals(Main.FAILED, result.exit(), result.out());
        assertTrue(result.out().contains(firstFailure + System.lineSeparator()), result.out());
        assertEquals(1, result.out().split("FEL: ", -1).length - 1, "only the first failure: " + result.out());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
