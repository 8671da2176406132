package se.malspar.query.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.integrity.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 key pair that signs checkpoints: from configuration (production), else from the
 * key directory, where the embedded default generates one on first start (files mode 0600).
 * Its public key is registered in {@code integrity_public_key}, where every earlier key stays, so
 * a rotated key leaves old checkpoints verifiable.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String PRIVATE_FILE = "signing-key.pk8";
    static final String PUBLIC_FILE = "public-key.spki";

    private final KeyPair pair;
    private final String keyId;
    private final JdbcClient jdbc;

    SigningKeys(IntegrityProperties properties, @Value("${malspar.data-dir:./data}") String dataDir, JdbcClient jdbc,
                Clock clock) {
        this.jdbc = jdbc;
        this.pair = load(properties, dataDir);
        this.keyId = Checkpoint.keyId(pair.getPublic());
        jdbc.sql("""
                        insert into integrity_public_key (key_id, algorithm, public_key, registered_at)
                        values (:id, 'Ed25519', :key, :now) on conflict (key_id) do nothing""")
                .param("id", keyId).param("key", pair.getPublic().getEncoded())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    String keyId() {
        return keyId;
    }

    PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public record PublicKeyView(String keyId, String algorithm, String publicKey) {
    }

    /** Every key that ever signed here, oldest first. */
    public List<PublicKeyView> all() {
        return jdbc.sql("select key_id, algorithm, public_key from integrity_public_key order by registered_at, key_id")
                .query((rs, n) -> new PublicKeyView(rs.getString(1), rs.getString(2),
                        Base64.getEncoder().encodeToString(rs.getBytes(3))))
                .list();
    }

    PublicKey publicKey(String id) {
        return jdbc.sql("select public_key from integrity_public_key where key_id = :id").param("id", id)
                .query((rs, n) -> decodePublic(rs.getBytes(1))).optional()
                .orElseThrow(() -> new IllegalStateException("no public key " + id));
    }

    private static KeyPair load(IntegrityProperties properties, String dataDir) {
        boolean configured = notBlank(properties.signingKey()) || notBlank(properties.publicKey());
        if (configured) {
            if (!notBlank(properties.signingKey()) || !notBlank(properties.publicKey())) {
                throw new IllegalStateException("malspar.integrity.signing-key and malspar.integrity.public-key "
                        + "are configured together (base64 PKCS#8 and base64 X.509 SubjectPublicKeyInfo)");
            }
            return checked(new KeyPair(decodePublic(Base64.getDecoder().decode(properties.publicKey().strip())),
                    decodePrivate(Base64.getDecoder().decode(properties.signingKey().strip()))));
        }
        Path dir = Path.of(notBlank(properties.keyDir()) ? properties.keyDir() : dataDir + "/integrity")
                .toAbsolutePath().normalize();
        try {
            Path privateFile = dir.resolve(PRIVATE_FILE);
            Path publicFile = dir.resolve(PUBLIC_FILE);
            if (Files.exists(privateFile)) {
                return checked(new KeyPair(decodePublic(Files.readAllBytes(publicFile)),
                        decodePrivate(Files.readAllBytes(privateFile))));
            }
            KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            writeOwnerOnly(privateFile, generated.getPrivate().getEncoded());
            writeOwnerOnly(publicFile, generated.getPublic().getEncoded());
            log.info("generated the checkpoint signing key {} in {}", Checkpoint.keyId(generated.getPublic()), dir);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, bytes);
    }

    /** Refuses a private key that does not belong to the public key beside it. */
    private static KeyPair checked(KeyPair pair) {
        try {
            var signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            byte[] probe = "malspar key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            signer.update(probe);
            byte[] signature = signer.sign();
            var verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("the checkpoint signing key does not match its public key");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint signing key is not a usable Ed25519 key", e);
        }
    }

    static PublicKey decodePublic(byte[] spki) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 X.509 SubjectPublicKeyInfo", e);
        }
    }

    private static PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 PKCS#8 private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
