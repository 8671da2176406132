package se.malspar.query.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code malspar.integrity.*} (README "Integrity and revision").
 *
 * @param gapTimeout         how long a missing sequence number below the highest stored one may
 *                           still be filled by a transaction that has not committed; then it is sealed as a gap
 * @param checkpointInterval how often a checkpoint is signed when the tree has grown
 * @param pollInterval       how often the sealer looks for new events when it has caught up
 * @param batchSize          events read and sealed per transaction
 * @param keyDir             where the embedded default keeps its key pair (default {@code <data-dir>/integrity})
 * @param signingKey         base64 PKCS#8 Ed25519 private key (production); needs {@code publicKey}
 * @param publicKey          base64 X.509 SubjectPublicKeyInfo of {@code signingKey}
 */
@ConfigurationProperties(prefix = "malspar.integrity")
record IntegrityProperties(@DefaultValue("10s") Duration gapTimeout,
                           @DefaultValue("30s") Duration checkpointInterval,
                           @DefaultValue("50ms") Duration pollInterval,
                           @DefaultValue("2000") int batchSize,
                           String keyDir, String signingKey, String publicKey) {
}
