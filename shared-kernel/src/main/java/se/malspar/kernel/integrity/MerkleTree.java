package se.malspar.kernel.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 § 2.1 (SHA-256): hashing, inclusion and consistency proofs and
 * their verification algorithms (§ 2.1.3.2, § 2.1.4.2). Proofs are built from the hashes of
 * perfect subtrees ({@link Subtrees}); every subtree the RFC's recursion needs is aligned to its
 * own size, so a store of perfect subtree hashes answers each proof in O(log n) lookups.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    /** The hash of perfect, size-aligned subtrees: {@code level} 0 are leaf hashes. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH(D[start:end]) from perfect subtrees. */
    public static byte[] subtreeHash(Subtrees subtrees, long start, long end) {
        long n = end - start;
        if (n == 0) {
            return emptyRoot();
        }
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return subtrees.hash(level, start >>> level);
        }
        long k = split(n);
        return nodeHash(subtreeHash(subtrees, start, start + k), subtreeHash(subtrees, start + k, end));
    }

    public static byte[] root(Subtrees subtrees, long size) {
        return subtreeHash(subtrees, 0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, leaf side first. */
    public static List<byte[]> inclusionProof(Subtrees subtrees, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(subtrees, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees subtrees, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(subtrees, m, start, start + k, out);
            out.add(subtreeHash(subtrees, start + k, end));
        } else {
            path(subtrees, m - k, start + k, end, out);
            out.add(subtreeHash(subtrees, start, start + k));
        }
    }

    /** PROOF(m, D[n]) of § 2.1.4.1; empty when 0 = m or m = n. */
    public static List<byte[]> consistencyProof(Subtrees subtrees, long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(subtrees, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees subtrees, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(subtreeHash(subtrees, start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(subtrees, m, start, start + k, whole, out);
            out.add(subtreeHash(subtrees, start + k, end));
        } else {
            subproof(subtrees, m - k, start + k, end, false, out);
            out.add(subtreeHash(subtrees, start, start + k));
        }
    }

    /** § 2.1.3.2: does {@code path} lead from the leaf to {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(leafHash) || !wellFormed(root)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || !wellFormed(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** § 2.1.4.2: is the tree of {@code size2} an append-only extension of the tree of {@code size1}? */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty() || proof.stream().anyMatch(p -> !wellFormed(p))) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
