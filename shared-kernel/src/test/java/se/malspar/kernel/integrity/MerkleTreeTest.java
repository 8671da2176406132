package se.malspar.kernel.integrity;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published test vectors of the RFC 6962/9162 reference implementation
 * (github.com/transparency-dev/merkle: testonly/constants.go for the leaves, node and root
 * hashes; proof/verify_test.go for the inclusion and consistency proofs), and random trees
 * against a naive recomputation of MTH straight from the RFC's definition.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f"};

    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    /** {leaf number (1-based), tree size, audit path…} from verify_test.go's inclusionProofs. */
    private static final Object[][] INCLUSION = {
            {1L, 1L, new String[]{}},
            {1L, 8L, new String[]{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
            {6L, 8L, new String[]{"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
            {3L, 3L, new String[]{"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
            {2L, 5L, new String[]{"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}}};

    /** {size1, size2, proof…} from verify_test.go's consistencyProofs. */
    private static final Object[][] CONSISTENCY = {
            {1L, 1L, new String[]{}},
            {1L, 8L, new String[]{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
            {6L, 8L, new String[]{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
            {2L, 5L, new String[]{"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
            {6L, 7L, new String[]{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}}};

    @Test
    void rootsOfTheReferenceLeavesAreThePublishedOnes() {
        List<byte[]> leaves = referenceLeafHashes();
        for (int size = 0; size <= leaves.size(); size++) {
            assertThat(hex(MerkleTree.root(subtrees(leaves), size))).as("root of %d", size).isEqualTo(ROOTS[size]);
            CompactRange range = CompactRange.empty();
            leaves.subList(0, size).forEach(range::append);
            assertThat(hex(range.root())).as("compact root of %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        List<byte[]> leaves = referenceLeafHashes();
        for (Object[] vector : INCLUSION) {
            long index = (long) vector[0] - 1;
            long size = (long) vector[1];
            List<byte[]> proof = MerkleTree.inclusionProof(subtrees(leaves), index, size);
            assertThat(proof.stream().map(MerkleTreeTest::hex).toList()).as("path %d in %d", index, size)
                    .containsExactly((String[]) vector[2]);
            byte[] root = HEX.parseHex(ROOTS[(int) size]);
            assertThat(MerkleTree.verifyInclusion(index, size, leaves.get((int) index), proof, root)).isTrue();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        List<byte[]> leaves = referenceLeafHashes();
        for (Object[] vector : CONSISTENCY) {
            long m = (long) vector[0];
            long n = (long) vector[1];
            List<byte[]> proof = MerkleTree.consistencyProof(subtrees(leaves), m, n);
            assertThat(proof.stream().map(MerkleTreeTest::hex).toList()).as("proof %d to %d", m, n)
                    .containsExactly((String[]) vector[2]);
            assertThat(MerkleTree.verifyConsistency(m, n, HEX.parseHex(ROOTS[(int) m]), HEX.parseHex(ROOTS[(int) n]), proof))
                    .isTrue();
        }
    }

    @Test
    void corruptedProofsAreRefused() {
        List<byte[]> leaves = referenceLeafHashes();
        byte[] root8 = HEX.parseHex(ROOTS[8]);
        List<byte[]> path = MerkleTree.inclusionProof(subtrees(leaves), 5, 8);
        assertThat(MerkleTree.verifyInclusion(4, 8, leaves.get(5), path, root8)).as("wrong index").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 16, leaves.get(5), path, root8)).as("wrong size").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaves.get(4), path, root8)).as("wrong leaf").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaves.get(5), path.subList(0, 2), root8)).as("short").isFalse();
        List<byte[]> flipped = new ArrayList<>(path);
        byte[] first = flipped.get(0).clone();
        first[0] ^= 8;
        flipped.set(0, first);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaves.get(5), flipped, root8)).as("flipped bit").isFalse();

        List<byte[]> consistency = MerkleTree.consistencyProof(subtrees(leaves), 6, 8);
        byte[] root6 = HEX.parseHex(ROOTS[6]);
        assertThat(MerkleTree.verifyConsistency(6, 8, root8, root6, consistency)).as("swapped roots").isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 8, root6, root8, consistency)).as("wrong size").isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, root6, root8, consistency.subList(0, 2))).as("truncated").isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, root6, root8, List.of())).as("empty").isFalse();
    }

    @Test
    void randomTreesMatchTheNaiveDefinition() {
        Random random = new Random(9162);
        for (int trial = 0; trial < 40; trial++) {
            int size = 1 + random.nextInt(300);
            List<byte[]> leaves = new ArrayList<>();
            CompactRange range = CompactRange.empty();
            for (int i = 0; i < size; i++) {
                byte[] entry = new byte[random.nextInt(40)];
                random.nextBytes(entry);
                leaves.add(MerkleTree.leafHash(entry));
                range.append(leaves.get(i));
            }
            MerkleTree.Subtrees subtrees = subtrees(leaves);
            for (int n = 1; n <= size; n += 1 + random.nextInt(7)) {
                byte[] root = naiveRoot(leaves.subList(0, n));
                assertThat(MerkleTree.root(subtrees, n)).isEqualTo(root);
                int index = random.nextInt(n);
                assertThat(MerkleTree.verifyInclusion(index, n, leaves.get(index),
                        MerkleTree.inclusionProof(subtrees, index, n), root)).as("leaf %d of %d", index, n).isTrue();
                int m = 1 + random.nextInt(n);
                assertThat(MerkleTree.verifyConsistency(m, n, naiveRoot(leaves.subList(0, m)), root,
                        MerkleTree.consistencyProof(subtrees, m, n))).as("%d to %d", m, n).isTrue();
            }
            assertThat(range.root()).isEqualTo(naiveRoot(leaves));
            assertThat(CompactRange.of(size, subtrees).root()).isEqualTo(naiveRoot(leaves));
        }
    }

    @Test
    void theCompactRangeReportsEveryCompletedSubtreeOnce() {
        List<byte[]> leaves = referenceLeafHashes();
        CompactRange range = CompactRange.empty();
        List<CompactRange.Node> nodes = new ArrayList<>();
        leaves.forEach(leaf -> nodes.addAll(range.append(leaf)));
        assertThat(nodes).hasSize(15);
        assertThat(nodes).allSatisfy(node -> assertThat(node.hash())
                .isEqualTo(MerkleTree.subtreeHash(subtrees(leaves), node.index() << node.level(),
                        (node.index() + 1) << node.level())));
    }

    @Test
    void leafEntriesAreEncodedByteByByte() {
        byte[] entry = LeafEntry.event(258, "e", null, "a", 1, "T", null, "t", new byte[]{7}, null);
        assertThat(hex(entry)).isEqualTo("0100" + "0000000000000102" + "0000000165" + "ffffffff" + "0000000161"
                + "0000000000000001" + "0000000154" + "ffffffff" + "0000000174" + "0000000107" + "ffffffff");
        assertThat(hex(LeafEntry.gap(3))).isEqualTo("01010000000000000003");
    }

    @Test
    void aCheckpointSignsTheFiveDocumentedLines() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = Checkpoint.keyId(pair.getPublic());
        Checkpoint checkpoint = Checkpoint.sign(8, HEX.parseHex(ROOTS[8]), Instant.parse("2026-11-26T04:00:00.750Z"),
                keyId, pair.getPrivate());
        assertThat(checkpoint.signedText()).isEqualTo("malspar-checkpoint v1\ntree-size 8\nroot-hash " + ROOTS[8]
                + "\nissued-at 2026-11-26T04:00:00Z\nkey-id " + keyId + "\n");
        assertThat(keyId).matches("[0-9a-f]{16}");
        assertThat(checkpoint.verify(pair.getPublic())).isTrue();
        assertThat(new Checkpoint(9, checkpoint.rootHash(), checkpoint.issuedAt(), keyId, checkpoint.signature())
                .verify(pair.getPublic())).as("another size").isFalse();
    }

    private static List<byte[]> referenceLeafHashes() {
        List<byte[]> leaves = new ArrayList<>();
        for (String input : LEAF_INPUTS) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(input)));
        }
        return leaves;
    }

    /** Perfect subtrees straight from the leaves. */
    private static MerkleTree.Subtrees subtrees(List<byte[]> leaves) {
        return (level, index) -> naiveRoot(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
    }

    /** MTH as RFC 9162 § 2.1.1 defines it. */
    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

}
