package se.malspar.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 public keys the revisor trusts, by keyId. Only these (never the pack's own
 * public-keys.json) decide whether a checkpoint's signature counts.
 */
final class TrustedKeys {

    private final Map<String, PublicKey> byKeyId;

    private TrustedKeys(Map<String, PublicKey> byKeyId) {
        this.byKeyId = byKeyId;
    }

    /** A single public key JSON object or an array of them (a kept public-keys.json). */
    static TrustedKeys parse(JsonNode node, String source) {
        List<JsonNode> entries = node.isArray() ? Json.array(node, source) : List.of(Json.object(node, source));
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = node.isArray() ? source + " (nyckel " + (i + 1) + ")" : source;
            JsonNode entry = Json.object(entries.get(i), where);
            String algorithm = Json.text(entry, "algorithm", where);
            if (!"Ed25519".equals(algorithm)) {
                throw new VerificationException(where + ": algoritmen " + algorithm + " stöds inte, bara Ed25519");
            }
            byte[] spki = Json.base64(entry, "publicKey", where);
            String stated = Json.text(entry, "keyId", where);
            String computed = keyId(spki);
            if (!computed.equals(stated)) {
                throw new VerificationException(where + ": nyckel-id " + stated
                        + " stämmer inte med nyckeln (beräknat " + computed + ")");
            }
            keys.put(computed, publicKey(spki, where));
        }
        if (keys.isEmpty()) {
            throw new VerificationException(source + " innehåller ingen nyckel");
        }
        return new TrustedKeys(keys);
    }

    /** keyId = lowercase hex of the first 8 bytes of SHA-256(SubjectPublicKeyInfo DER). */
    static String keyId(byte[] spki) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(spki);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Fails, naming {@code which} checkpoint, unless a trusted key signed it. */
    void verify(Checkpoint checkpoint, String which) {
        PublicKey key = byKeyId.get(checkpoint.keyId());
        if (key == null) {
            throw new VerificationException(which + " är signerad med nyckeln " + checkpoint.keyId()
                    + " som inte finns bland de betrodda nycklarna " + byKeyId.keySet());
        }
        boolean valid;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(checkpoint.signedText());
            valid = ed25519.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new VerificationException(which + ": signaturen stämmer inte med nyckeln " + checkpoint.keyId());
        }
    }

    private static PublicKey publicKey(byte[] spki, String where) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new VerificationException(where + ": publicKey är ingen Ed25519-nyckel (X.509 SubjectPublicKeyInfo)", e);
        }
    }
}
