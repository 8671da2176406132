package se.malspar.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleTest {

    /*
     * Known-answer vectors of the RFC 6962 reference implementation: repository transparency-dev/merkle,
     * file proof/verify_test.go (leaves, roots, inclusionProofs, consistencyProofs). Its inclusion vectors
     * number leaves from 1; here they are converted to 0-based leaf indexes.
     */
    private static final List<byte[]> LEAVES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<byte[]> ROOTS = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final byte[] EMPTY_TREE =
            hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    private static final byte[] SOME_HASH =
            hex("abacaba000000000000000000000000000000000000000000060061e00123456");

    static Stream<Arguments> referenceInclusionProofs() {
        return Stream.of(
                Arguments.of(0, 1, hexes()),
                Arguments.of(0, 8, hexes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, hexes(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, hexes(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, hexes(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    static Stream<Arguments> referenceConsistencyProofs() {
        return Stream.of(
                Arguments.of(1, 8, hexes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, hexes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, hexes(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, hexes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void leafAndNodeHashingGiveTheReferenceRootsOfEveryPrefix() {
        List<byte[]> leafHashes = LEAVES.stream().map(Merkle::leafHash).collect(Collectors.toList());
        for (int n = 1; n <= LEAVES.size(); n++) {
            assertEquals(HexFormat.of().formatHex(ROOTS.get(n - 1)),
                    HexFormat.of().formatHex(NaiveTree.mth(leafHashes.subList(0, n))), "root of " + n + " leaves");
        }
        assertArrayEquals(EMPTY_TREE, NaiveTree.mth(List.of()));
    }

    @ParameterizedTest
    @MethodSource("referenceInclusionProofs")
    void referenceInclusionProofVerifiesAndEveryCorruptionOfItFails(int index, int size, List<byte[]> proof) {
        byte[] leaf = Merkle.leafHash(LEAVES.get(index));
        byte[] root = ROOTS.get(size - 1);
        assertDoesNotThrow(() -> Merkle.verifyInclusion(index, size, leaf, proof, root));
        assertEquals(hexString(proof), hexString(NaiveTree.path(index, leafHashes(size))), "naive PATH agrees");

        List<Runnable> corruptions = new ArrayList<>(List.of(
                () -> Merkle.verifyInclusion(index - 1, size, leaf, proof, root),
                () -> Merkle.verifyInclusion(index + 1, size, leaf, proof, root),
                () -> Merkle.verifyInclusion(index ^ 2, size, leaf, proof, root),
                () -> Merkle.verifyInclusion(index, size * 2, leaf, proof, root),
                () -> Merkle.verifyInclusion(index, size / 2, leaf, proof, root),
                () -> Merkle.verifyInclusion(index, size, SOME_HASH, proof, root),
                () -> Merkle.verifyInclusion(index, size, leaf, proof, EMPTY_TREE),
                () -> Merkle.verifyInclusion(index, size, leaf, proof, SOME_HASH),
                () -> Merkle.verifyInclusion(index, size, leaf, with(proof, proof.size(), root), root),
                () -> Merkle.verifyInclusion(index, size, leaf, with(proof, 0, root), root)));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = flipBit(proof, i, 8);
            corruptions.add(() -> Merkle.verifyInclusion(index, size, leaf, flipped, root));
        }
        if (!proof.isEmpty()) {
            corruptions.add(() -> Merkle.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root));
        }
        if (proof.size() > 1) {
            corruptions.add(() -> Merkle.verifyInclusion(index, size, leaf, with(proof, 1, SOME_HASH), root));
        }
        corruptions.forEach(c -> assertThrows(VerificationException.class, c::run));
    }

    @ParameterizedTest
    @MethodSource("referenceConsistencyProofs")
    void referenceConsistencyProofVerifiesAndEveryCorruptionOfItFails(int size1, int size2, List<byte[]> proof) {
        byte[] root1 = ROOTS.get(size1 - 1);
        byte[] root2 = ROOTS.get(size2 - 1);
        assertDoesNotThrow(() -> Merkle.verifyConsistency(size1, size2, root1, root2, proof));
        assertEquals(hexString(proof), hexString(NaiveTree.consistency(size1, leafHashes(size2))),
                "naive PROOF agrees");

        List<Runnable> corruptions = new ArrayList<>(List.of(
                () -> Merkle.verifyConsistency(size1 - 1, size2, root1, root2, proof),
                () -> Merkle.verifyConsistency(size1 + 1, size2, root1, root2, proof),
                () -> Merkle.verifyConsistency(size1 ^ 2, size2, root1, root2, proof),
                () -> Merkle.verifyConsistency(size1, size2 * 2, root1, root2, proof),
                () -> Merkle.verifyConsistency(size1, size2 / 2, root1, root2, proof),
                () -> Merkle.verifyConsistency(size1, size2, SOME_HASH, root2, proof),
                () -> Merkle.verifyConsistency(size1, size2, root1, SOME_HASH, proof),
                () -> Merkle.verifyConsistency(size1, size2, root2, root1, proof),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, List.of()),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, with(proof, proof.size(), root1)),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, with(proof, proof.size(), root2)),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, with(proof, 0, root1)),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, with(proof, 0, root2)),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, with(proof, 0, proof.get(0))),
                () -> Merkle.verifyConsistency(size1, size2, root1, root2, proof.subList(0, proof.size() - 1))));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = flipBit(proof, i, 16);
            corruptions.add(() -> Merkle.verifyConsistency(size1, size2, root1, root2, flipped));
        }
        corruptions.forEach(c -> assertThrows(VerificationException.class, c::run));
    }

    @Test
    void trivialConsistencyHoldsOnlyWithAnEmptyProofAndMatchingRoots() {
        byte[] root1 = ROOTS.get(0);
        byte[] root2 = ROOTS.get(1);
        assertDoesNotThrow(() -> Merkle.verifyConsistency(0, 0, EMPTY_TREE, EMPTY_TREE, List.of()));
        assertDoesNotThrow(() -> Merkle.verifyConsistency(0, 1, EMPTY_TREE, root1, List.of()));
        assertDoesNotThrow(() -> Merkle.verifyConsistency(1, 1, root1, root1, List.of()));
        assertThrows(VerificationException.class, () -> Merkle.verifyConsistency(1, 1, root1, root2, List.of()));
        assertThrows(VerificationException.class, () -> Merkle.verifyConsistency(1, 0, root1, root2, List.of()));
        assertThrows(VerificationException.class, () -> Merkle.verifyConsistency(2, 1, root2, root1, List.of()));
        assertThrows(VerificationException.class, () -> Merkle.verifyConsistency(1, 2, root1, root2, List.of()));
        assertThrows(VerificationException.class,
                () -> Merkle.verifyConsistency(1, 1, root1, root1, List.of(EMPTY_TREE)));
        assertThrows(VerificationException.class,
                () -> Merkle.verifyConsistency(0, 1, EMPTY_TREE, root1, List.of(EMPTY_TREE)));
    }

    @Test
    void inclusionOutsideTheTreeFails() {
        assertThrows(VerificationException.class, () -> Merkle.verifyInclusion(0, 0, SOME_HASH, List.of(), EMPTY_TREE));
        assertThrows(VerificationException.class, () -> Merkle.verifyInclusion(1, 1, SOME_HASH, List.of(), SOME_HASH));
        assertThrows(VerificationException.class, () -> Merkle.verifyInclusion(2, 1, SOME_HASH, List.of(), SOME_HASH));
        assertDoesNotThrow(() -> Merkle.verifyInclusion(0, 1, SOME_HASH, List.of(), SOME_HASH));
    }

    @Test
    void everyProofOfRandomTreesVerifiesAndATamperedOneFails() {
        Random random = new Random(9162);
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] entry = new byte[1 + random.nextInt(40)];
                random.nextBytes(entry);
                leaves.add(Merkle.leafHash(entry));
            }
            byte[] root = NaiveTree.mth(leaves);
            for (int m = 0; m < size; m++) {
                int index = m;
                int treeSize = size;
                List<byte[]> path = NaiveTree.path(m, leaves);
                assertDoesNotThrow(() -> Merkle.verifyInclusion(index, treeSize, leaves.get(index), path, root));
                byte[] otherLeaf = leaves.get((m + 1) % size);
                if (size > 1) {
                    assertThrows(VerificationException.class,
                            () -> Merkle.verifyInclusion(index, treeSize, otherLeaf, path, root));
                }
                if (!path.isEmpty()) {
                    List<byte[]> tampered = flipBit(path, random.nextInt(path.size()), 1 << random.nextInt(8));
                    assertThrows(VerificationException.class,
                            () -> Merkle.verifyInclusion(index, treeSize, leaves.get(index), tampered, root));
                }
            }
            for (int m = 1; m <= size; m++) {
                int older = m;
                int newer = size;
                byte[] olderRoot = NaiveTree.mth(leaves.subList(0, m));
                List<byte[]> proof = NaiveTree.consistency(m, leaves);
                assertDoesNotThrow(() -> Merkle.verifyConsistency(older, newer, olderRoot, root, proof));
                if (!proof.isEmpty()) {
                    List<byte[]> tampered = flipBit(proof, random.nextInt(proof.size()), 1 << random.nextInt(8));
                    assertThrows(VerificationException.class,
                            () -> Merkle.verifyConsistency(older, newer, olderRoot, root, tampered));
                    byte[] rewrittenOlderRoot = flipBit(List.of(olderRoot), 0, 1).get(0);
                    assertThrows(VerificationException.class,
                            () -> Merkle.verifyConsistency(older, newer, rewrittenOlderRoot, root, proof));
                }
            }
        }
    }

    private static List<byte[]> leafHashes(int size) {
        return LEAVES.subList(0, size).stream().map(Merkle::leafHash).collect(Collectors.toList());
    }

    private static List<byte[]> with(List<byte[]> proof, int position, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(position, extra);
        return copy;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int mask) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] changed = copy.get(element).clone();
        changed[0] ^= (byte) mask;
        copy.set(element, changed);
        return copy;
    }

    private static String hexString(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).collect(Collectors.joining(","));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static List<byte[]> hexes(String... hex) {
        return Stream.of(hex).map(MerkleTest::hex).collect(Collectors.toList());
    }
}
