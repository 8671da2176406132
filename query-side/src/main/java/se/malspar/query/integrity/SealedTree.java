package se.malspar.query.integrity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.kernel.integrity.MerkleTree;

import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The sealed tree as stored (leaves, perfect subtrees, signed checkpoints): its size, roots,
 * proofs, and checkpoint issuance. A checkpoint is signed periodically by the sealer and on
 * demand whenever someone asks for the latest one and the tree has grown since.
 */
@Component
public class SealedTree {

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final Clock clock;

    SealedTree(JdbcClient jdbc, SigningKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** Leaves 1..size are sealed (the table grows contiguously). */
    public long size() {
        return jdbc.sql("select coalesce(max(sequence), 0) from integrity_leaf").query(Long.class).single();
    }

    MerkleTree.Subtrees subtrees() {
        return (level, index) -> level == 0
                ? jdbc.sql("select hash from integrity_leaf where sequence = :s").param("s", index + 1)
                .query(byte[].class).single()
                : jdbc.sql("select hash from integrity_node where level = :l and node_index = :i")
                .param("l", level).param("i", index).query(byte[].class).single();
    }

    record SealedLeaf(long sequence, boolean gap, byte[] hash) {
    }

    Optional<SealedLeaf> leaf(long sequence) {
        return jdbc.sql("select sequence, gap, hash from integrity_leaf where sequence = :s").param("s", sequence)
                .query((rs, n) -> new SealedLeaf(rs.getLong(1), rs.getBoolean(2), rs.getBytes(3))).optional();
    }

    public record InclusionProof(long sequence, long leafIndex, long treeSize, String leafHash, List<String> auditPath) {
    }

    public record ConsistencyProof(long fromTreeSize, long toTreeSize, List<String> proof) {
    }

    /** Caller checks 1 ≤ sequence ≤ treeSize ≤ size(). */
    public InclusionProof inclusion(long sequence, long treeSize) {
        byte[] leaf = leaf(sequence).orElseThrow().hash();
        List<String> path = MerkleTree.inclusionProof(subtrees(), sequence - 1, treeSize).stream().map(SealedTree::hex).toList();
        return new InclusionProof(sequence, sequence - 1, treeSize, hex(leaf), path);
    }

    /** Caller checks 0 ≤ from ≤ to ≤ size(). */
    ConsistencyProof consistency(long from, long to) {
        return new ConsistencyProof(from, to, MerkleTree.consistencyProof(subtrees(), from, to).stream().map(SealedTree::hex).toList());
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("select * from integrity_checkpoint order by tree_size desc limit 1").query(SealedTree::checkpoint).optional();
    }

    Optional<Checkpoint> checkpoint(long treeSize) {
        return jdbc.sql("select * from integrity_checkpoint where tree_size = :n").param("n", treeSize)
                .query(SealedTree::checkpoint).optional();
    }

    List<Checkpoint> checkpoints(long afterTreeSize, int limit) {
        return jdbc.sql("select * from integrity_checkpoint where tree_size > :after order by tree_size limit :limit")
                .param("after", afterTreeSize).param("limit", limit).query(SealedTree::checkpoint).list();
    }

    /** The latest checkpoint, signing a new one first when the sealed tree has grown beyond it. */
    public Checkpoint currentCheckpoint() {
        long size = size();
        Optional<Checkpoint> latest = latestCheckpoint();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        return issue(size);
    }

    Checkpoint issue(long size) {
        Checkpoint signed = Checkpoint.sign(size, MerkleTree.root(subtrees(), size), clock.instant(), keys.keyId(), keys.privateKey());
        jdbc.sql("""
                        insert into integrity_checkpoint (tree_size, root_hash, issued_at, key_id, signature)
                        values (:n, :root, :at, :key, :sig) on conflict (tree_size) do nothing""")
                .param("n", size).param("root", signed.rootHashBytes()).param("at", signed.issuedAt())
                .param("key", signed.keyId()).param("sig", Base64.getDecoder().decode(signed.signature())).update();
        // Another process may have signed this size first: theirs is the one kept.
        return checkpoint(size).orElseThrow();
    }

    private static Checkpoint checkpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("tree_size"), hex(rs.getBytes("root_hash")), rs.getString("issued_at"),
                rs.getString("key_id"), Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The stored rows at these sequence numbers, exactly as stored, in sequence order. */
    public List<StoredEvent> storedEvents(java.util.Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index in (:s) order by global_index")
                .param("s", sequences).query((rs, n) -> StoredEvent.read(rs)).list();
    }
}
