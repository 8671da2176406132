package se.malspar.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The parts of an audit pack ZIP the verifier checks: checkpoint.json, events.json and proofs.json
 * (INTEGRITY-SPEC "Audit pack"). The pack's own public-keys.json is deliberately not trusted.
 */
record AuditPack(Checkpoint checkpoint, List<StoredEvent> events, List<InclusionProof> proofs) {

    static AuditPack read(Path zip) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        Checkpoint checkpoint = Checkpoint.parse(Json.parse(required(files, "checkpoint.json"), "checkpoint.json"),
                "checkpoint.json");
        List<StoredEvent> events = new ArrayList<>();
        List<JsonNode> eventNodes = Json.array(Json.parse(required(files, "events.json"), "events.json"), "events.json");
        for (int i = 0; i < eventNodes.size(); i++) {
            events.add(event(eventNodes.get(i), "events.json (post " + (i + 1) + ")"));
        }
        List<InclusionProof> proofs = new ArrayList<>();
        List<JsonNode> proofNodes = Json.array(Json.parse(required(files, "proofs.json"), "proofs.json"), "proofs.json");
        for (int i = 0; i < proofNodes.size(); i++) {
            proofs.add(InclusionProof.parse(proofNodes.get(i), "proofs.json (post " + (i + 1) + ")"));
        }
        return new AuditPack(checkpoint, events, proofs);
    }

    /**
     * Every event's canonical entry hashes to its proof's leaf hash, and the proof leads from its leaf index
     * (sequence − 1) to the checkpoint's root. Every proof belongs to an event, so nothing was dropped.
     */
    void verifyEvents() {
        Map<Long, InclusionProof> proofBySequence = new HashMap<>();
        for (InclusionProof proof : proofs) {
            if (proofBySequence.put(proof.sequence(), proof) != null) {
                throw new VerificationException("proofs.json har två bevis för sekvens " + proof.sequence());
            }
        }
        Set<Long> seen = new HashSet<>();
        for (StoredEvent event : events) {
            String which = "händelse " + event.sequence();
            if (!seen.add(event.sequence())) {
                throw new VerificationException(which + " förekommer två gånger i events.json");
            }
            InclusionProof proof = proofBySequence.remove(event.sequence());
            if (proof == null) {
                throw new VerificationException(which + ": inklusionsbevis saknas i proofs.json");
            }
            if (event.sequence() < 1 || event.sequence() > checkpoint.treeSize()) {
                throw new VerificationException(which + ": sekvensnumret ligger utanför checkpointen (trädstorlek "
                        + checkpoint.treeSize() + ")");
            }
            if (proof.leafIndex() != event.sequence() - 1) {
                throw new VerificationException(which + ": beviset gäller lövindex " + proof.leafIndex()
                        + ", men händelsen har lövindex " + (event.sequence() - 1));
            }
            if (proof.treeSize() != checkpoint.treeSize()) {
                throw new VerificationException(which + ": beviset gäller trädstorlek " + proof.treeSize()
                        + ", men checkpointen har " + checkpoint.treeSize());
            }
            if (!MessageDigest.isEqual(Merkle.leafHash(LeafEntry.event(event)), proof.leafHash())) {
                throw new VerificationException(which + ": lövhashen stämmer inte med beviset");
            }
            try {
                Merkle.verifyInclusion(proof.leafIndex(), proof.treeSize(), proof.leafHash(), proof.auditPath(),
                        checkpoint.rootHashBytes());
            } catch (VerificationException e) {
                throw new VerificationException(which + ": " + e.getMessage(), e);
            }
        }
        if (!proofBySequence.isEmpty()) {
            throw new VerificationException("proofs.json har bevis för sekvens "
                    + new TreeSet<>(proofBySequence.keySet()).first() + " men ingen sådan händelse finns i events.json");
        }
    }

    private static StoredEvent event(JsonNode node, String source) {
        Json.object(node, source);
        return new StoredEvent(
                Json.number(node, "sequence", source),
                Json.text(node, "eventIdentifier", source),
                Json.nullableText(node, "aggregateType", source),
                Json.text(node, "aggregateIdentifier", source),
                Json.number(node, "aggregateSequenceNumber", source),
                Json.text(node, "payloadType", source),
                Json.nullableText(node, "payloadRevision", source),
                Json.text(node, "timestamp", source),
                Json.base64(node, "payload", source),
                Json.nullableBase64(node, "metaData", source));
    }

    /** Reads every entry; a name that occurs twice could show one reader one file and another reader another. */
    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.put(entry.getName(), entries.readAllBytes()) != null) {
                    throw new VerificationException("paketet innehåller " + entry.getName() + " två gånger");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new VerificationException("paketet är ingen giltig ZIP-fil: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new VerificationException("paketet är ingen ZIP-fil eller är tomt");
        }
        return files;
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new VerificationException("paketet saknar " + name);
        }
        return content;
    }
}
