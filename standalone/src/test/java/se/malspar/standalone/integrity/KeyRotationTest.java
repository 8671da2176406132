package se.malspar.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.platform.test.ApiClient;
import se.malspar.standalone.StandaloneApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default generates its key pair into the data directory (owner-only files); a
 * configured key replaces it, and every checkpoint the old key signed stays verifiable with the
 * old key, which stays listed.
 */
class KeyRotationTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--malspar.data-dir=" + dataDir,
                "--malspar.seed-history=false"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(StandaloneApplication.class).profiles("demo").run(args.toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aRotatedKeyLeavesEveryOldCheckpointVerifiable() throws Exception {
        JsonNode old;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("integrity/signing-key.pk8")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(api(first).post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2022-03-09 § 70\", \"title\": \"Nytt delmål\"}").status()).isEqualTo(201);
            old = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api(first).get("revisor", "/api/integrity/checkpoints/latest").json(), c -> c.get("treeSize").asLong() >= 1);
        }
        KeyPair rotated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (ConfigurableApplicationContext second = start(
                "--malspar.integrity.signing-key=" + Base64.getEncoder().encodeToString(rotated.getPrivate().getEncoded()),
                "--malspar.integrity.public-key=" + Base64.getEncoder().encodeToString(rotated.getPublic().getEncoded()))) {
            ApiClient api = api(second);
            assertThat(api.post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2022-03-09 § 71\", \"title\": \"Ännu ett\"}").status()).isEqualTo(201);
            JsonNode fresh = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("revisor", "/api/integrity/checkpoints/latest").json(),
                    c -> c.get("treeSize").asLong() > old.get("treeSize").asLong());
            assertThat(fresh.get("keyId").asText()).isEqualTo(Checkpoint.keyId(rotated.getPublic()))
                    .isNotEqualTo(old.get("keyId").asText());
            JsonNode keys = api.get("auditor", "/api/integrity/public-keys").json();
            assertThat(keys).hasSize(2);
            assertThat(checkpoint(old).verify(key(keys, old.get("keyId").asText()))).as("old checkpoint, old key").isTrue();
            assertThat(checkpoint(fresh).verify(key(keys, fresh.get("keyId").asText()))).as("new checkpoint, new key").isTrue();
            JsonNode kept = api.get("auditor", "/api/integrity/checkpoints?afterTreeSize=" + (old.get("treeSize").asLong() - 1)
                    + "&limit=1").json().get(0);
            assertThat(kept).isEqualTo(old);
        }
    }

    private static Checkpoint checkpoint(JsonNode c) {
        return new Checkpoint(c.get("treeSize").asLong(), c.get("rootHash").asText(), c.get("issuedAt").asText(),
                c.get("keyId").asText(), c.get("signature").asText());
    }

    private static PublicKey key(JsonNode keys, String keyId) throws Exception {
        for (JsonNode k : keys) {
            if (k.get("keyId").asText().equals(keyId)) {
                return KeyFactory.getInstance("Ed25519").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(k.get("publicKey").asText())));
            }
        }
        throw new AssertionError("no key " + keyId);
    }
}
