package se.malspar.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 § 2.1 Merkle tree hashing and proof verification (SHA-256), written from the RFC text.
 * Proof failures are {@link VerificationException}s whose message says which part did not hold.
 */
final class Merkle {

    static final int HASH_SIZE = 32;

    private Merkle() {
    }

    /** Leaf hash: SHA-256(0x00 ‖ entry). */
    static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    /** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /**
     * Verifies an inclusion proof (RFC 9162 § 2.1.3.2): the leaf hash at {@code leafIndex} in a tree of
     * {@code treeSize} leaves, combined with {@code auditPath}, must give {@code rootHash}.
     */
    static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath,
                                byte[] rootHash) {
        requireHashes(auditPath, "inklusionsbeviset");
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new VerificationException("lövindex " + leafIndex + " ligger utanför trädet med storlek " + treeSize);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0) {
                throw new VerificationException("inklusionsbeviset är längre än trädet medger");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("inklusionsbeviset är kortare än trädet kräver");
        }
        if (!MessageDigest.isEqual(r, rootHash)) {
            throw new VerificationException("inklusionsbeviset leder inte till checkpointens rothash");
        }
    }

    /**
     * Verifies that the tree of {@code firstSize} leaves with {@code firstHash} is a prefix of the tree of
     * {@code secondSize} leaves with {@code secondHash} (RFC 9162 § 2.1.4.2). Equal sizes need equal roots
     * and an empty proof; an empty first tree is a prefix of every tree.
     */
    static void verifyConsistency(long firstSize, long secondSize, byte[] firstHash, byte[] secondHash,
                                  List<byte[]> proof) {
        requireHashes(proof, "konsistensbeviset");
        if (firstSize < 0 || firstSize > secondSize) {
            throw new VerificationException("den äldre trädstorleken " + firstSize
                    + " är större än den nyare " + secondSize);
        }
        if (firstSize == secondSize || firstSize == 0) {
            if (!proof.isEmpty()) {
                throw new VerificationException("konsistensbeviset ska vara tomt för trädstorlekarna "
                        + firstSize + " och " + secondSize);
            }
            if (firstSize == secondSize && !MessageDigest.isEqual(firstHash, secondHash)) {
                throw new VerificationException("två checkpoints med samma trädstorlek " + firstSize
                        + " har olika rothashar");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new VerificationException("konsistensbeviset är tomt");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstHash);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationException("konsistensbeviset är längre än träden medger");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("konsistensbeviset är kortare än träden kräver");
        }
        if (!MessageDigest.isEqual(fr, firstHash)) {
            throw new VerificationException("konsistensbeviset leder inte till den äldre checkpointens rothash");
        }
        if (!MessageDigest.isEqual(sr, secondHash)) {
            throw new VerificationException("konsistensbeviset leder inte till den nyare checkpointens rothash");
        }
    }

    private static void requireHashes(List<byte[]> hashes, String what) {
        for (byte[] h : hashes) {
            if (h.length != HASH_SIZE) {
                throw new VerificationException(what + " innehåller en hash som inte är 32 byte");
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
