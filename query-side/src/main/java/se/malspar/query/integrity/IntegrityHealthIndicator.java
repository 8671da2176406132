package se.malspar.query.integrity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code integrity}: the sealed tree's size, the seal lag, the latest checkpoint and the last
 * full verification. DOWN while the last finished verification failed: tampering is an alert.
 */
@Component
class IntegrityHealthIndicator implements HealthIndicator {

    private final SealedTree tree;
    private final StoreVerification verification;
    private final ObjectProvider<Sealer> sealer;

    IntegrityHealthIndicator(SealedTree tree, StoreVerification verification, ObjectProvider<Sealer> sealer) {
        this.tree = tree;
        this.verification = verification;
        this.sealer = sealer;
    }

    @Override
    public Health health() {
        try {
            return integrity();
        } catch (RuntimeException e) {
            // A health indicator answers, never throws: without the database the answer is DOWN.
            return Health.down().withDetail("error", "the seal tables cannot be read: " + e.getClass().getSimpleName()).build();
        }
    }

    private Health integrity() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sealedTreeSize", tree.size());
        Sealer s = sealer.getIfAvailable();
        if (s != null) {
            details.put("sealingHere", s.holdsLock());
            details.put("sealLagMillis", s.lastLag().toMillis());
        }
        tree.latestCheckpoint().ifPresent(c -> details.put("latestCheckpoint", Map.of("treeSize", c.treeSize(), "issuedAt", c.issuedAt())));
        var last = verification.latestFinished();
        last.ifPresent(v -> details.put("lastVerification", v));
        boolean failed = last.map(v -> "FAILED".equals(v.state())).orElse(false);
        return (failed ? Health.down() : Health.up()).withDetails(details).build();
    }
}
