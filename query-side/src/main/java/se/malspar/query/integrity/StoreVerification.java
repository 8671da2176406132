package se.malspar.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.kernel.integrity.CompactRange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A full verification of the store: every leaf recomputed from the stored rows and compared with
 * the sealed one, in one ordered pass over both tables, and the recomputed tree's root compared
 * with the latest signed checkpoint (whose signature is checked too). The first bad sequence is
 * named with its kind: ALTERED (the row's bytes changed), MISSING (a sealed event is gone),
 * UNEXPECTED (a row appeared where a gap was sealed); CHECKPOINT when every leaf matches its
 * sealed hash but the recomputed root or the signature does not match the checkpoint (the seal
 * itself was rewritten). A failure is an ERROR log line and {@code malspar_integrity_verification_failures_total}.
 */
@Component
class StoreVerification {

    private static final Logger log = LoggerFactory.getLogger(StoreVerification.class);
    private static final int FETCH_SIZE = 2000;
    private static final int PROGRESS_EVERY = 20_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final SealedTree tree;
    private final SigningKeys keys;
    private final Clock clock;
    private final Counter failures;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "integrity-verification");
        t.setDaemon(true);
        return t;
    });

    StoreVerification(DataSource dataSource, JdbcClient jdbc, SealedTree tree, SigningKeys keys, Clock clock,
                      MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tree = tree;
        this.keys = keys;
        this.clock = clock;
        this.failures = Counter.builder("malspar.integrity.verification.failures")
                .description("full verifications of the store that found a mismatch").register(meters);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(UUID verificationId, String state, long eventsChecked, long eventsTotal, Long checkpointTreeSize,
                Instant startedAt, Instant finishedAt, Mismatch firstMismatch, String message) {
    }

    record Mismatch(Long sequence, String kind) {
    }

    UUID start(String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into integrity_verification (verification_id, state, requested_by, started_at, events_checked, events_total)
                        values (:id, 'RUNNING', :by, :now, 0, 0)""")
                .param("id", id).param("by", requestedBy).param("now", Timestamp.from(clock.instant())).update();
        executor.submit(() -> run(id));
        return id;
    }

    Optional<View> find(UUID id) {
        return jdbc.sql("select * from integrity_verification where verification_id = :id").param("id", id)
                .query((rs, n) -> view(rs)).optional();
    }

    Optional<View> latestFinished() {
        return jdbc.sql("select * from integrity_verification where state <> 'RUNNING' order by finished_at desc limit 1")
                .query((rs, n) -> view(rs)).optional();
    }

    private static View view(ResultSet rs) throws SQLException {
        long seq = rs.getLong("first_mismatch_sequence");
        Long sequence = rs.wasNull() ? null : seq;
        String kind = rs.getString("first_mismatch_kind");
        long cp = rs.getLong("checkpoint_tree_size");
        Long checkpoint = rs.wasNull() ? null : cp;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new View(rs.getObject("verification_id", UUID.class), rs.getString("state"), rs.getLong("events_checked"),
                rs.getLong("events_total"), checkpoint, rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), kind == null ? null : new Mismatch(sequence, kind),
                rs.getString("message"));
    }

    void run(UUID id) {
        try {
            Result result = verify(id);
            jdbc.sql("""
                            update integrity_verification set state = :state, finished_at = :now, events_checked = :checked,
                                   first_mismatch_sequence = :seq, first_mismatch_kind = :kind, message = :message
                             where verification_id = :id""")
                    .param("id", id).param("state", result.mismatch == null ? "PASSED" : "FAILED")
                    .param("now", Timestamp.from(clock.instant())).param("checked", result.checked)
                    .param("seq", result.mismatch == null ? null : result.mismatch.sequence())
                    .param("kind", result.mismatch == null ? null : result.mismatch.kind())
                    .param("message", result.message).update();
            if (result.mismatch != null) {
                failures.increment();
                log.error("INTEGRITY VERIFICATION FAILED ({}): first bad sequence {}, {}: {}", id,
                        result.mismatch.sequence(), result.mismatch.kind(), result.message);
            } else {
                log.info("integrity verification {} passed: {} leaves match the store and the checkpoint", id, result.checked);
            }
        } catch (Exception e) {
            failures.increment();
            log.error("INTEGRITY VERIFICATION FAILED ({}): it could not be completed", id, e);
            jdbc.sql("update integrity_verification set state = 'FAILED', finished_at = :now, message = :message where verification_id = :id")
                    .param("id", id).param("now", Timestamp.from(clock.instant()))
                    .param("message", "the verification could not be completed: " + e.getClass().getSimpleName()).update();
        }
    }

    private record Result(long checked, Mismatch mismatch, String message) {
    }

    private Result verify(UUID id) throws SQLException {
        long size = tree.size();
        Optional<Checkpoint> checkpoint = jdbc.sql("select tree_size from integrity_checkpoint where tree_size <= :n order by tree_size desc limit 1")
                .param("n", size).query(Long.class).optional().flatMap(tree::checkpoint);
        jdbc.sql("update integrity_verification set events_total = :n, checkpoint_tree_size = :cp where verification_id = :id")
                .param("n", size).param("cp", checkpoint.map(Checkpoint::treeSize).orElse(null)).param("id", id).update();
        if (checkpoint.isPresent() && !checkpoint.get().verify(keys.publicKey(checkpoint.get().keyId()))) {
            return new Result(0, new Mismatch(null, "CHECKPOINT"),
                    "the signature of checkpoint " + checkpoint.get().treeSize() + " does not verify");
        }
        CompactRange range = CompactRange.empty();
        try (Connection leaves = dataSource.getConnection(); Connection events = dataSource.getConnection()) {
            leaves.setAutoCommit(false);
            events.setAutoCommit(false);
            try (PreparedStatement l = leaves.prepareStatement(
                    "select sequence, gap, hash from integrity_leaf where sequence <= ? order by sequence");
                 PreparedStatement e = events.prepareStatement("select " + StoredEvent.COLUMNS
                         + " from domain_event_entry where global_index <= ? order by global_index")) {
                l.setFetchSize(FETCH_SIZE);
                l.setLong(1, size);
                e.setFetchSize(FETCH_SIZE);
                e.setLong(1, size);
                try (ResultSet lr = l.executeQuery(); ResultSet er = e.executeQuery()) {
                    StoredEvent event = er.next() ? StoredEvent.read(er) : null;
                    for (long seq = 1; seq <= size; seq++) {
                        if (!lr.next() || lr.getLong(1) != seq) {
                            return new Result(seq - 1, new Mismatch(seq, "ALTERED"), "the sealed leaf of sequence " + seq + " is gone");
                        }
                        boolean gap = lr.getBoolean(2);
                        byte[] sealed = lr.getBytes(3);
                        while (event != null && event.sequence() < seq) {
                            event = er.next() ? StoredEvent.read(er) : null;
                        }
                        boolean stored = event != null && event.sequence() == seq;
                        if (gap && stored) {
                            return new Result(seq - 1, new Mismatch(seq, "UNEXPECTED"),
                                    "sequence " + seq + " was sealed as a gap but the store now holds an event there");
                        }
                        if (!gap && !stored) {
                            return new Result(seq - 1, new Mismatch(seq, "MISSING"), "the sealed event " + seq + " is no longer stored");
                        }
                        byte[] recomputed = stored ? event.leafHash() : StoredEvent.gapLeafHash(seq);
                        if (!Arrays.equals(recomputed, sealed)) {
                            return new Result(seq - 1, new Mismatch(seq, "ALTERED"),
                                    "the stored row of sequence " + seq + " no longer hashes to its sealed leaf");
                        }
                        range.append(recomputed);
                        if (checkpoint.isPresent() && range.size() == checkpoint.get().treeSize()
                                && !Arrays.equals(range.root(), checkpoint.get().rootHashBytes())) {
                            return new Result(seq, new Mismatch(null, "CHECKPOINT"), "the store's root at tree size "
                                    + seq + " is not the root of the signed checkpoint (the seal was rewritten)");
                        }
                        if (seq % PROGRESS_EVERY == 0) {
                            jdbc.sql("update integrity_verification set events_checked = :n where verification_id = :id")
                                    .param("n", seq).param("id", id).update();
                        }
                    }
                }
            } finally {
                leaves.rollback();
                events.rollback();
            }
        }
        if (checkpoint.isPresent() && checkpoint.get().treeSize() == 0
                && !Arrays.equals(range.root(), checkpoint.get().rootHashBytes())) {
            return new Result(size, new Mismatch(null, "CHECKPOINT"), "the empty tree's checkpoint has another root");
        }
        return new Result(size, null, null);
    }

    @PreDestroy
    void shutDown() {
        executor.shutdownNow();
    }
}
