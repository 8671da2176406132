package se.malspar.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A consistency proof between two tree sizes (INTEGRITY-SPEC "Proofs"). */
record ConsistencyProof(long fromTreeSize, long toTreeSize, List<byte[]> proof) {

    static ConsistencyProof parse(JsonNode node, String source) {
        Json.object(node, source);
        return new ConsistencyProof(
                Json.number(node, "fromTreeSize", source),
                Json.number(node, "toTreeSize", source),
                Json.hashes(node, "proof", source));
    }

    /** The older checkpoint's tree must be a prefix of the newer one's. */
    void verify(Checkpoint older, Checkpoint newer) {
        if (fromTreeSize != older.treeSize() || toTreeSize != newer.treeSize()) {
            throw new VerificationException("konsistensbeviset gäller trädstorlekarna " + fromTreeSize + " → "
                    + toTreeSize + ", men checkpointerna har " + older.treeSize() + " → " + newer.treeSize());
        }
        Merkle.verifyConsistency(older.treeSize(), newer.treeSize(), older.rootHashBytes(), newer.rootHashBytes(),
                proof);
    }
}
