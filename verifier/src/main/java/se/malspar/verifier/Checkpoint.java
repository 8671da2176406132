package se.malspar.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A signed checkpoint (INTEGRITY-SPEC "Checkpoint"); the text fields are kept exactly as written. */
record Checkpoint(long treeSize, String rootHash, String issuedAt, String keyId, byte[] signature) {

    private static final Pattern ISSUED_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    static Checkpoint parse(JsonNode node, String source) {
        Json.object(node, source);
        long treeSize = Json.number(node, "treeSize", source);
        byte[] root = Json.hash(node, "rootHash", source);
        String issuedAt = Json.text(node, "issuedAt", source);
        if (!ISSUED_AT.matcher(issuedAt).matches()) {
            throw new VerificationException(source + ": fältet issuedAt ska skrivas yyyy-MM-ddTHH:mm:ssZ");
        }
        String keyId = Json.text(node, "keyId", source);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new VerificationException(source + ": fältet keyId ska vara 16 hexadecimala gemener");
        }
        return new Checkpoint(treeSize, HexFormat.of().formatHex(root), issuedAt, keyId,
                Json.base64(node, "signature", source));
    }

    /** The exact bytes the server signs: five lines, each ending in a single newline. */
    byte[] signedText() {
        return ("malspar-checkpoint v1\n"
                + "tree-size " + treeSize + "\n"
                + "root-hash " + rootHash + "\n"
                + "issued-at " + issuedAt + "\n"
                + "key-id " + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    String describe() {
        return "trädstorlek " + treeSize + ", rothash " + rootHash + ", utfärdad " + issuedAt;
    }
}
