package se.malspar.query.integrity;

import org.springframework.stereotype.Component;
import se.malspar.kernel.integrity.Checkpoint;

import java.time.Instant;

/** What the pages say about integrity at a glance: the latest signed checkpoint and the latest finished full check. */
@Component
public class IntegrityOverview {

    private final SealedTree tree;
    private final StoreVerification verification;

    IntegrityOverview(SealedTree tree, StoreVerification verification) {
        this.tree = tree;
        this.verification = verification;
    }

    /** {@code lastCheck} null: the store has never been checked in full. */
    public record Status(Checkpoint checkpoint, LastCheck lastCheck) {
    }

    public record LastCheck(String state, long eventsChecked, Instant finishedAt, Long mismatchSequence, String mismatchKind) {
    }

    public Status current() {
        return new Status(tree.currentCheckpoint(), verification.latestFinished().map(v -> new LastCheck(v.state(),
                v.eventsChecked(), v.finishedAt(), v.firstMismatch() == null ? null : v.firstMismatch().sequence(),
                v.firstMismatch() == null ? null : v.firstMismatch().kind())).orElse(null));
    }
}
