package se.malspar.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.kernel.integrity.LeafEntry;
import se.malspar.kernel.integrity.MerkleTree;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import javax.sql.DataSource;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sealed tree on real PostgreSQL: every event and every skipped sequence number becomes a
 * leaf, checkpoints are signed, proofs verify with RFC 9162's algorithms, and each kind of
 * tampering (with the append-only trigger switched off) is caught with the first bad sequence
 * named. Its own context: the tampering tests restore what they change, but a failed
 * verification turns the integrity health DOWN until the next one passes.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = {
        "malspar.integrity.gap-timeout=500ms", "malspar.integrity.checkpoint-interval=1s"})
class IntegrityApiTest {

    private static final AtomicInteger PARAGRAPHS = new AtomicInteger(1);
    private static final HexFormat HEX = HexFormat.of();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.context.ApplicationContext context;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void everyEventIsSealedAndItsInclusionProofLeadsToTheSignedRoot() {
        long first = registerDecision();
        JsonNode older = latestCheckpoint(first);
        long last = registerDecision();
        registerDecision();
        JsonNode checkpoint = latestCheckpoint(last);
        long size = checkpoint.get("treeSize").asLong();

        Checkpoint signed = checkpoint(checkpoint);
        assertThat(signed.verify(publicKey(signed.keyId()))).as("signature with the listed key").isTrue();
        for (long sequence = 1; sequence <= size; sequence++) {
            JsonNode proof = get("/api/integrity/proofs/inclusion?sequence=" + sequence + "&treeSize=" + size);
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(sequence - 1);
            byte[] leafHash = recomputedLeaf(sequence);
            assertThat(proof.get("leafHash").asText()).as("leaf %d from the stored row", sequence).isEqualTo(HEX.formatHex(leafHash));
            assertThat(MerkleTree.verifyInclusion(sequence - 1, size, leafHash, hashes(proof.get("auditPath")),
                    signed.rootHashBytes())).as("inclusion of %d in %d", sequence, size).isTrue();
        }
        long from = older.get("treeSize").asLong();
        JsonNode consistency = get("/api/integrity/proofs/consistency?fromTreeSize=" + from + "&toTreeSize=" + size);
        assertThat(MerkleTree.verifyConsistency(from, size, checkpoint(older).rootHashBytes(), signed.rootHashBytes(),
                hashes(consistency.get("proof")))).as("consistency %d to %d", from, size).isTrue();
    }

    @Test
    void aSkippedSequenceNumberIsSealedAsAGapOnceTheGapTimeoutHasPassed() {
        long gap = skipSequenceNumber();
        long after = registerDecision();
        awaitSealed(after);
        assertThat(jdbc.sql("select gap from integrity_leaf where sequence = :s").param("s", gap).query(Boolean.class).single())
                .isTrue();
        JsonNode proof = get("/api/integrity/proofs/inclusion?sequence=" + gap + "&treeSize=" + after);
        assertThat(proof.get("leafHash").asText()).isEqualTo(HEX.formatHex(MerkleTree.leafHash(LeafEntry.gap(gap))));
    }

    @Test
    void aPayloadAlteredWithTheTriggerSwitchedOffIsNamedAsAltered() {
        long sequence = registerDecision();
        awaitSealed(registerDecision());
        byte[] original = jdbc.sql("select payload from domain_event_entry where global_index = :s").param("s", sequence)
                .query(byte[].class).single();
        String altered = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("Beslut", "Ändrat beslut");
        double failuresBefore = meters.counter("malspar.integrity.verification.failures").count();
        tamper("update domain_event_entry set payload = ? where global_index = ?",
                altered.getBytes(java.nio.charset.StandardCharsets.UTF_8), sequence);
        try {
            assertFirstMismatch(sequence, "ALTERED");
            assertThat(meters.counter("malspar.integrity.verification.failures").count()).isEqualTo(failuresBefore + 1);
            var health = api.get("operator", "/actuator/health/integrity");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.json().at("/details/lastVerification/firstMismatch/sequence").asLong()).isEqualTo(sequence);
        } finally {
            tamper("update domain_event_entry set payload = ? where global_index = ?", original, sequence);
        }
        assertPasses();
        assertThat(api.get("operator", "/actuator/health/integrity").status()).isEqualTo(200);
    }

    @Test
    void aDeletedEventIsNamedAsMissingNotMistakenForACrashGap() {
        long sequence = registerDecision();
        awaitSealed(registerDecision());
        Map<String, Object> row = jdbc.sql("select * from domain_event_entry where global_index = :s").param("s", sequence)
                .query().singleRow();
        tamper("delete from domain_event_entry where global_index = ?", sequence);
        try {
            assertFirstMismatch(sequence, "MISSING");
        } finally {
            reinsert(row);
        }
        assertPasses();
    }

    @Test
    void anEventInsertedIntoASealedGapIsNamedAsUnexpected() {
        long gap = skipSequenceNumber();
        awaitSealed(registerDecision());
        long template = registerDecision();
        awaitSealed(template);
        Map<String, Object> row = new java.util.HashMap<>(jdbc.sql("select * from domain_event_entry where global_index = :s")
                .param("s", template).query().singleRow());
        row.put("global_index", gap);
        row.put("event_identifier", "forged-" + gap);
        row.put("aggregate_identifier", "forged-" + gap);
        reinsert(row);
        try {
            assertFirstMismatch(gap, "UNEXPECTED");
        } finally {
            tamper("delete from domain_event_entry where global_index = ?", gap);
        }
        assertPasses();
    }

    @Test
    void twoSwappedRowsAreNamedAtTheFirstOfThem() {
        long a = registerDecision();
        long b = registerDecision();
        awaitSealed(b);
        byte[] payloadA = payload(a);
        byte[] payloadB = payload(b);
        tamper("update domain_event_entry set payload = ? where global_index = ?", payloadB, a);
        tamper("update domain_event_entry set payload = ? where global_index = ?", payloadA, b);
        try {
            assertFirstMismatch(a, "ALTERED");
        } finally {
            tamper("update domain_event_entry set payload = ? where global_index = ?", payloadA, a);
            tamper("update domain_event_entry set payload = ? where global_index = ?", payloadB, b);
        }
        assertPasses();
    }

    @Test
    void aStoppedSealerGivesBackItsLockAndResumesWhereTheTableEnds() {
        awaitSealed(registerDecision());
        Lifecycle sealer = context.getBean("sealer", Lifecycle.class);
        sealer.stop();
        long unsealed = registerDecision();
        assertThat(jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and granted").query(Long.class).single())
                .as("no advisory lock left on a pooled connection").isZero();
        sealer.start();
        awaitSealed(unsealed);
    }

    @Test
    void proofsOutsideTheTreeAreRefusedWithTheFieldNamed() {
        long sealed = awaitSealed(registerDecision());
        var beyond = api.get("auditor", "/api/integrity/proofs/inclusion?sequence=" + (sealed + 1) + "&treeSize=" + sealed);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().at("/errors/0/field").asText()).isEqualTo("sequence");
        var zero = api.get("auditor", "/api/integrity/proofs/inclusion?sequence=0");
        assertThat(zero.status()).isEqualTo(400);
        var tooBig = api.get("auditor", "/api/integrity/proofs/consistency?fromTreeSize=1&toTreeSize=" + (sealed + 1000));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(api.post("auditor", "/api/integrity/verifications", null).status()).isEqualTo(403);
    }

    // --- helpers

    private long registerDecision() {
        int paragraph = PARAGRAPHS.getAndIncrement();
        var response = api.post("strategy", "/api/admin/decisions", """
                {"organ": "KS", "meetingDate": "2023-05-10", "paragraph": %d, "title": "Beslut %d om integritet"}"""
                .formatted(paragraph, paragraph));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = :id")
                .param("id", "ks-2023-05-10-p" + paragraph).query(Long.class).single();
    }

    /** Takes a sequence number no transaction will ever store, as a rolled-back transaction does. */
    private long skipSequenceNumber() {
        return jdbc.sql("select nextval('domain_event_entry_seq')").query(Long.class).single();
    }

    private long awaitSealed(long sequence) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select coalesce(max(sequence), 0) from integrity_leaf").query(Long.class).single(),
                        size -> size >= sequence);
    }

    private JsonNode latestCheckpoint(long atLeast) {
        awaitSealed(atLeast);
        JsonNode checkpoint = get("/api/integrity/checkpoints/latest");
        assertThat(checkpoint.get("treeSize").asLong()).isGreaterThanOrEqualTo(atLeast);
        assertThat(checkpoint.get("issuedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        return checkpoint;
    }

    private JsonNode get(String path) {
        var response = api.get("revisor", path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Checkpoint checkpoint(JsonNode json) {
        return new Checkpoint(json.get("treeSize").asLong(), json.get("rootHash").asText(), json.get("issuedAt").asText(),
                json.get("keyId").asText(), json.get("signature").asText());
    }

    private PublicKey publicKey(String keyId) {
        for (JsonNode key : get("/api/integrity/public-keys")) {
            if (key.get("keyId").asText().equals(keyId)) {
                try {
                    return KeyFactory.getInstance("Ed25519").generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
                } catch (java.security.GeneralSecurityException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no public key " + keyId);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asText())));
        return out;
    }

    /** The leaf as README documents it, straight from the stored row (or the gap). */
    private byte[] recomputedLeaf(long sequence) {
        return jdbc.sql("select * from domain_event_entry where global_index = :s").param("s", sequence)
                .query((rs, n) -> LeafEntry.event(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        rs.getBytes("payload"), rs.getBytes("meta_data")))
                .optional().map(MerkleTree::leafHash)
                .orElseGet(() -> MerkleTree.leafHash(LeafEntry.gap(sequence)));
    }

    private byte[] payload(long sequence) {
        return jdbc.sql("select payload from domain_event_entry where global_index = :s").param("s", sequence)
                .query(byte[].class).single();
    }

    /** Runs a statement with the append-only trigger switched off, as an attacker with the database would. */
    private void tamper(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void reinsert(Map<String, Object> row) {
        tamper("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
    }

    private JsonNode runVerification() {
        var started = api.post("revisor", "/api/integrity/verifications", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("verificationId").asText();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/integrity/verifications/" + id), v -> !"RUNNING".equals(v.get("state").asText()));
    }

    private void assertFirstMismatch(long sequence, String kind) {
        JsonNode result = runVerification();
        assertThat(result.get("state").asText()).as(result.toString()).isEqualTo("FAILED");
        assertThat(result.at("/firstMismatch/sequence").asLong()).as(result.toString()).isEqualTo(sequence);
        assertThat(result.at("/firstMismatch/kind").asText()).as(result.toString()).isEqualTo(kind);
    }

    private void assertPasses() {
        JsonNode result = runVerification();
        assertThat(result.get("state").asText()).as(result.toString()).isEqualTo("PASSED");
        assertThat(result.get("eventsChecked").asLong()).isEqualTo(result.get("eventsTotal").asLong());
    }
}
