package se.malspar.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One entry of proofs.json (INTEGRITY-SPEC "Proofs"). */
record InclusionProof(long sequence, long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath) {

    static InclusionProof parse(JsonNode node, String source) {
        Json.object(node, source);
        return new InclusionProof(
                Json.number(node, "sequence", source),
                Json.number(node, "leafIndex", source),
                Json.number(node, "treeSize", source),
                Json.hash(node, "leafHash", source),
                Json.hashes(node, "auditPath", source));
    }
}
