package se.malspar.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: the RFC 9162 definitions written as literally as possible (MTH § 2.1.1, PATH § 2.1.3.1,
 * PROOF/SUBPROOF § 2.1.4.1), recursive and slow, to produce roots and proofs the verifier must accept.
 */
final class NaiveTree {

    private NaiveTree() {
    }

    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256Empty();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return Merkle.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<byte[]> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, leafHashes.subList(0, k)));
            result.add(mth(leafHashes.subList(k, n)));
        } else {
            result.addAll(path(m - k, leafHashes.subList(k, n)));
            result.add(mth(leafHashes.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> consistency(int m, List<byte[]> leafHashes) {
        return subproof(m, leafHashes, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] sha256Empty() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(new byte[0]);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
