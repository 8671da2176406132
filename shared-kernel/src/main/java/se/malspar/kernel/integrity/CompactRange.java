package se.malspar.kernel.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, largest first (the
 * binary digits of its size). Appending a leaf completes at most log n subtrees, each reported
 * once to the caller so it can store them for proofs.
 */
public final class CompactRange {

    /** A perfect subtree completed by an append. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    private CompactRange() {
    }

    public static CompactRange empty() {
        return new CompactRange();
    }

    /** The range of a tree of {@code size} leaves, from its stored perfect subtrees. */
    public static CompactRange of(long size, MerkleTree.Subtrees subtrees) {
        CompactRange range = new CompactRange();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                range.hashes.add(subtrees.hash(level, start >>> level));
                start += 1L << level;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash; returns the subtrees it completed, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>(2);
        long index = size;
        completed.add(new Node(0, index, leafHash));
        byte[] hash = leafHash;
        int level = 0;
        // Each trailing one bit of the old size is a perfect subtree of the same size to merge with.
        while (((index >>> level) & 1) == 1) {
            hash = MerkleTree.nodeHash(hashes.remove(hashes.size() - 1), hash);
            level++;
            completed.add(new Node(level, index >>> level, hash));
        }
        hashes.add(hash);
        size++;
        return completed;
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
