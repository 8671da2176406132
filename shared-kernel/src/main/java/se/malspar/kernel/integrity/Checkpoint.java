package se.malspar.kernel.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement "the tree of {@code treeSize} leaves has root {@code rootHash}": the five
 * lines of {@link #signedText()} signed with Ed25519 by the key {@code keyId}.
 */
public record Checkpoint(long treeSize, String rootHash, String issuedAt, String keyId, String signature) {

    private static final DateTimeFormatter ISSUED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    public static String issuedAt(Instant instant) {
        return ISSUED_AT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant issuedAt, String keyId, PrivateKey key) {
        Checkpoint unsigned = new Checkpoint(treeSize, HexFormat.of().formatHex(rootHash), issuedAt(issuedAt), keyId, null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(unsigned.treeSize, unsigned.rootHash, unsigned.issuedAt, keyId,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with key " + keyId, e);
        }
    }

    public String signedText() {
        return "malspar-checkpoint v1\n"
                + "tree-size " + treeSize + "\n"
                + "root-hash " + rootHash + "\n"
                + "issued-at " + issuedAt + "\n"
                + "key-id " + keyId + "\n";
    }

    public boolean verify(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** Lowercase hex of the first 8 bytes of SHA-256 of the key's X.509 SubjectPublicKeyInfo DER. */
    public static String keyId(PublicKey key) {
        byte[] digest = MerkleTree.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
