package se.malspar.standalone.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.kernel.integrity.LeafEntry;
import se.malspar.kernel.integrity.MerkleTree;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revisor verifies a paragraph against a signed checkpoint, a later change of the same
 * paragraph shows as not covered, and the paragraph's audit pack holds events whose proofs lead
 * to the signed root (checked here with RFC 9162's verification algorithm).
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class RevisionApiTest {

    private static final AtomicInteger PARAGRAPHS = new AtomicInteger(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aVerificationCoversTheChangesWithinItsCheckpointAndALaterChangeIsNotCovered() {
        Paragraph p = paragraphWithProgramme("Hållbarhet");
        long treeSize = checkpointReaching(p.lastSequence);

        var recorded = api.post("revisor", "/api/revision/decisions/" + p.decisionId + "/verifications", """
                {"outcome": "VERIFIED", "protocolReference": "KF protokoll s. 4", "note": "stämmer", "treeSize": %d}"""
                .formatted(treeSize));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("covers").toString()).isEqualTo(p.sequences.toString().replace(" ", ""));
        String verificationId = recorded.json().get("verificationId").asText();
        assertThat(jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'userId' from domain_event_entry
                         where payload_type = 'se.malspar.kernel.revision.VerificationRecorded'
                           and convert_from(payload, 'UTF8')::jsonb ->> 'verificationId' = :id""")
                .param("id", verificationId).query(String.class).single()).as("the revisor's event").isEqualTo("revisor");

        JsonNode detail = awaitDecision(p.decisionId, d -> "VERIFIED".equals(d.path("revisionStatus").asText()));
        assertThat(detail.get("verifications").get(0).get("outcome").asText()).isEqualTo("VERIFIED");
        assertThat(detail.get("changes")).allSatisfy(c -> assertThat(c.get("covered").asBoolean()).isTrue());
        assertThat(listed("VERIFIED")).contains(p.decisionId);

        long later = addGoal(p, "Senare mål");
        JsonNode changed = awaitDecision(p.decisionId, d -> "CHANGED_SINCE_VERIFIED".equals(d.path("revisionStatus").asText()));
        for (JsonNode change : changed.get("changes")) {
            assertThat(change.get("covered").asBoolean()).as(change.toString()).isEqualTo(change.get("sequence").asLong() != later);
        }
        assertThat(listed("CHANGED_SINCE_VERIFIED")).contains(p.decisionId);
        assertThat(listed("VERIFIED")).doesNotContain(p.decisionId);
    }

    @Test
    void badVerificationsAreRefusedAndNothingIsWritten() {
        Paragraph p = paragraphWithProgramme("Refuserad");
        long treeSize = checkpointReaching(p.lastSequence);
        long before = verificationEvents();
        String path = "/api/revision/decisions/" + p.decisionId + "/verifications";
        String body = "{\"outcome\": \"VERIFIED\", \"protocolReference\": \"s. 1\", \"note\": \"x\", \"treeSize\": %d}";

        assertThat(api.post("revisor", "/api/revision/decisions/kf-1999-01-01-p1/verifications", body.formatted(treeSize))
                .status()).isEqualTo(404);
        assertThat(api.post("auditor", path, body.formatted(treeSize)).status()).isEqualTo(403);
        assertThat(api.post("strategy", path, body.formatted(treeSize)).status()).isEqualTo(403);
        var beyond = api.post("revisor", path, body.formatted(treeSize + 1_000_000));
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(422);
        assertThat(beyond.json().get("code").asText()).isEqualTo("TREE_SIZE_NOT_SIGNED");
        var below = api.post("revisor", path, body.formatted(p.sequences.get(0) - 1));
        assertThat(below.status()).as(below.toString()).isEqualTo(422);
        assertThat(below.json().get("code").asText()).isEqualTo("TREE_SIZE_BEFORE_FIRST_CHANGE");
        var outcome = api.post("revisor", path, body.formatted(treeSize).replace("VERIFIED", "MAYBE"));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(400);
        assertThat(outcome.json().at("/errors/0/field").asText()).isEqualTo("outcome");
        assertThat(api.get("revisor", "/api/revision/decisions/kf-1999-01-01-p1/pack").status()).isEqualTo(404);
        assertThat(api.get("revisor", "/api/revision/decisions?status=MAYBE").status()).isEqualTo(400);

        assertThat(verificationEvents()).isEqualTo(before);
    }

    @Test
    void theAuditPackHoldsTheEventsAsStoredWithProofsToTheSignedCheckpointAndAFormulaSafeCsv() throws Exception {
        Paragraph p = paragraphWithProgramme("=SUMMA(A1:A9)");
        long treeSize = checkpointReaching(p.lastSequence);
        assertThat(api.post("revisor", "/api/revision/decisions/" + p.decisionId + "/verifications", """
                {"outcome": "DISCREPANCY", "protocolReference": "KF protokoll s. 9", "note": "@avvikelse", "treeSize": %d}"""
                .formatted(treeSize)).status()).isEqualTo(201);
        awaitDecision(p.decisionId, d -> "DISCREPANCY".equals(d.path("revisionStatus").asText()));

        Map<String, byte[]> pack = pack("auditor", p.decisionId);
        assertThat(pack).containsOnlyKeys("LASMIG.txt", "entry.json", "changes.json", "changes.csv", "events.json",
                "proofs.json", "checkpoint.json", "public-keys.json", "verifications.json");
        assertThat(text(pack, "LASMIG.txt")).contains("java -jar verifier/target/malspar-verifier.jar pack");

        JsonNode checkpointJson = JSON.readTree(pack.get("checkpoint.json"));
        Checkpoint checkpoint = new Checkpoint(checkpointJson.get("treeSize").asLong(), checkpointJson.get("rootHash").asText(),
                checkpointJson.get("issuedAt").asText(), checkpointJson.get("keyId").asText(), checkpointJson.get("signature").asText());
        JsonNode key = null;
        for (JsonNode k : JSON.readTree(pack.get("public-keys.json"))) {
            if (k.get("keyId").asText().equals(checkpoint.keyId())) {
                key = k;
            }
        }
        assertThat(key).isNotNull();
        assertThat(checkpoint.verify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText()))))).isTrue();

        JsonNode events = JSON.readTree(pack.get("events.json"));
        JsonNode proofs = JSON.readTree(pack.get("proofs.json"));
        assertThat(events.size()).isEqualTo(p.sequences.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            byte[] leaf = MerkleTree.leafHash(LeafEntry.event(e.get("sequence").asLong(), e.get("eventIdentifier").asText(),
                    e.get("aggregateType").textValue(), e.get("aggregateIdentifier").asText(),
                    e.get("aggregateSequenceNumber").asLong(), e.get("payloadType").asText(), e.get("payloadRevision").textValue(),
                    e.get("timestamp").asText(), Base64.getDecoder().decode(e.get("payload").asText()),
                    e.get("metaData").isNull() ? null : Base64.getDecoder().decode(e.get("metaData").asText())));
            JsonNode proof = proofs.get(i);
            assertThat(proof.get("sequence").asLong()).isEqualTo(e.get("sequence").asLong());
            assertThat(proof.get("leafHash").asText()).isEqualTo(HexFormat.of().formatHex(leaf));
            List<byte[]> path = new ArrayList<>();
            proof.get("auditPath").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
            assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), checkpoint.treeSize(), leaf, path,
                    checkpoint.rootHashBytes())).as("proof of %s", e.get("sequence")).isTrue();
            byte[] stored = jdbc.sql("select payload from domain_event_entry where global_index = :s")
                    .param("s", e.get("sequence").asLong()).query(byte[].class).single();
            assertThat(Base64.getDecoder().decode(e.get("payload").asText())).isEqualTo(stored);
        }

        String csv = text(pack, "changes.csv");
        assertThat(csv).contains("\"'=SUMMA(A1:A9)\"").doesNotContain(",\"=SUMMA");
        assertThat(JSON.readTree(pack.get("verifications.json")).get(0).get("note").asText()).isEqualTo("@avvikelse");
        assertThat(JSON.readTree(pack.get("changes.json"))).hasSize(p.sequences.size())
                .allSatisfy(c -> assertThat(c.get("covered").asBoolean()).as(c.toString()).isTrue());
        assertThat(JSON.readTree(pack.get("entry.json")).get("decisionId").asText()).isEqualTo(p.decisionId);
        assertThat(api.get("strategy", "/api/revision/decisions/" + p.decisionId + "/pack").status()).isEqualTo(403);
    }

    // --- helpers

    record Paragraph(String decisionId, String programmeId, List<Long> sequences, long lastSequence) {
    }

    /** A KF paragraph that created a programme and one goal: two changes. */
    private Paragraph paragraphWithProgramme(String goalName) {
        int n = PARAGRAPHS.getAndIncrement();
        String decisionId = "kf-2024-02-12-p" + n;
        var registered = api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KF 2024-02-12 § " + n + "\", \"title\": \"Program " + n + "\"}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String programme = "revision-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}"""
                .formatted(programme, programme, decisionId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Paragraph p = new Paragraph(decisionId, programme, new ArrayList<>(), 0);
        p.sequences.add(sequenceOf(programme));
        long goal = addGoal(p, goalName);
        return new Paragraph(decisionId, programme, p.sequences, goal);
    }

    private long addGoal(Paragraph p, String name) {
        String goalId = "KF" + (p.sequences.size() + 1) + "-" + p.programmeId;
        var goal = api.post("strategy", "/api/admin/programmes/" + p.programmeId + "/goals", JSON.createObjectNode()
                .put("goalId", goalId).put("name", name).put("goalArea", "1").put("decision", p.decisionId).toString());
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        long sequence = sequenceOf(goalId);
        p.sequences.add(sequence);
        return sequence;
    }

    private long sequenceOf(String aggregateId) {
        return jdbc.sql("select max(global_index) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private long checkpointReaching(long sequence) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("revisor", "/api/integrity/checkpoints/latest").json().get("treeSize").asLong(),
                        size -> size >= sequence);
    }

    private JsonNode awaitDecision(String decisionId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("revisor", "/api/decisions/" + decisionId).json(), condition);
    }

    private List<String> listed(String status) {
        var response = api.get("auditor", "/api/revision/decisions?status=" + status);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(e -> {
            assertThat(e.get("status").asText()).isEqualTo(status);
            ids.add(e.get("decisionId").asText());
        });
        return ids;
    }

    private long verificationEvents() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type = 'se.malspar.kernel.revision.VerificationRecorded'")
                .query(Long.class).single();
    }

    private Map<String, byte[]> pack(String user, String decisionId) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/revision/decisions/" + decisionId + "/pack"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + MalsparApplicationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> pack, String name) {
        return new String(pack.get(name), StandardCharsets.UTF_8);
    }
}
