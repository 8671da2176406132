package se.malspar.query.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.malspar.kernel.integrity.CompactRange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Seals committed events into the tree, in global order, after their commit: it tails
 * {@code domain_event_entry} by {@code global_index} with plain JDBC (it must hash the stored
 * bytes and see the gaps, which an event processor hides). A sequence number missing below the
 * highest stored one is waited for {@code gap-timeout} (a transaction may still commit it), then
 * sealed as a gap leaf. One sealer per store: it holds a PostgreSQL advisory lock on its own
 * connection; another process's sealer waits for the lock.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class Sealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** pg_try_advisory_lock key of the sealer ("mals" "seal"). */
    static final long LOCK_KEY = 0x6d616c735f736c4cL;

    private final DataSource dataSource;
    private final SealedTree tree;
    private final IntegrityProperties properties;
    private final Clock clock;
    private final Timer lag;
    private final TreeMap<Long, Instant> gapsSeen = new TreeMap<>();
    private volatile boolean running;
    private volatile Duration lastLag = Duration.ZERO;
    private volatile long sealedSize;
    private Thread thread;
    private Connection connection;
    private CompactRange range;
    private Instant lastCheckpointAt = Instant.EPOCH;

    Sealer(DataSource dataSource, SealedTree tree, IntegrityProperties properties, Clock clock, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.tree = tree;
        this.properties = properties;
        this.clock = clock;
        this.lag = Timer.builder("malspar.integrity.seal.lag")
                .description("from an event's timestamp to its leaf being sealed")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        meters.gauge("malspar.integrity.sealed.size", this, s -> s.sealedSize);
    }

    /** The latest measured seal lag: zero when the sealer had caught up. */
    Duration lastLag() {
        return lastLag;
    }

    boolean holdsLock() {
        return range != null;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "integrity-sealer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (range == null && !acquire()) {
                    Thread.sleep(1000);
                    continue;
                }
                int sealed = sealBatch();
                checkpointIfDue();
                if (sealed == 0) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.error("sealing failed; retrying from the sealed state in 1 s", e);
                release();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private boolean acquire() throws SQLException {
        Connection c = dataSource.getConnection();
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    c.close();
                    return false;
                }
            }
        }
        connection = c;
        long size = tree.size();
        range = CompactRange.of(size, tree.subtrees());
        sealedSize = size;
        log.info("sealing the event store from sequence {}", size + 1);
        return true;
    }

    private void release() {
        range = null;
        if (connection != null) {
            try (Statement unlock = connection.createStatement()) {
                // The connection goes back to the pool, its session lives on: the lock must be given back
                // explicitly (a broken connection is discarded by the pool, which ends the session and the lock).
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                unlock.execute("select pg_advisory_unlock_all()");
            } catch (SQLException e) {
                log.debug("giving back the sealer's lock", e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the sealer's connection", e);
            }
            connection = null;
        }
    }

    /** Seals the next run of events and expired gaps; returns how many leaves it sealed. */
    int sealBatch() throws SQLException {
        long size = range.size();
        List<StoredEvent> rows = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("select " + StoredEvent.COLUMNS
                + " from domain_event_entry where global_index > ? order by global_index limit ?")) {
            read.setLong(1, size);
            read.setInt(2, properties.batchSize());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows.add(StoredEvent.read(rs));
                }
            }
        }
        Instant now = clock.instant();
        List<Object[]> leaves = new ArrayList<>();
        List<CompactRange.Node> nodes = new ArrayList<>();
        long expected = size + 1;
        List<byte[]> hashes = new ArrayList<>();
        List<StoredEvent> sealedEvents = new ArrayList<>();
        outer:
        for (StoredEvent row : rows) {
            while (expected < row.sequence()) {
                Instant seen = gapsSeen.computeIfAbsent(expected, s -> now);
                if (Duration.between(seen, now).compareTo(properties.gapTimeout()) < 0) {
                    break outer;
                }
                leaves.add(new Object[]{expected, true});
                hashes.add(StoredEvent.gapLeafHash(expected));
                expected++;
            }
            leaves.add(new Object[]{expected, false});
            hashes.add(row.leafHash());
            sealedEvents.add(row);
            expected++;
        }
        if (hashes.isEmpty()) {
            lastLag = rows.isEmpty() ? Duration.ZERO : Duration.between(parse(rows.get(0).timestamp()), now);
            return 0;
        }
        for (byte[] hash : hashes) {
            nodes.addAll(range.append(hash));
        }
        try {
            write(leaves, hashes, nodes);
        } catch (SQLException e) {
            range = null; // the in-memory edge ran ahead of the table: rebuild it from the table
            throw e;
        }
        gapsSeen.headMap(expected).clear();
        sealedSize = range.size();
        Instant sealedAt = clock.instant();
        for (StoredEvent event : sealedEvents) {
            Duration d = Duration.between(parse(event.timestamp()), sealedAt);
            lag.record(d.isNegative() ? Duration.ZERO : d);
        }
        lastLag = rows.size() > sealedEvents.size() ? Duration.between(parse(rows.get(sealedEvents.size()).timestamp()), sealedAt)
                : Duration.ZERO;
        return hashes.size();
    }

    /** One statement per table and batch (arrays unnested by PostgreSQL): row-by-row inserts were the sealer's limit. */
    private void write(List<Object[]> leaves, List<byte[]> hashes, List<CompactRange.Node> nodes) throws SQLException {
        HexFormat hex = HexFormat.of();
        Long[] sequences = new Long[leaves.size()];
        Boolean[] gaps = new Boolean[leaves.size()];
        String[] leafHashes = new String[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            sequences[i] = (Long) leaves.get(i)[0];
            gaps[i] = (Boolean) leaves.get(i)[1];
            leafHashes[i] = hex.formatHex(hashes.get(i));
        }
        List<CompactRange.Node> inner = nodes.stream().filter(n -> n.level() > 0).toList();
        Integer[] levels = new Integer[inner.size()];
        Long[] indexes = new Long[inner.size()];
        String[] nodeHashes = new String[inner.size()];
        for (int i = 0; i < inner.size(); i++) {
            levels[i] = inner.get(i).level();
            indexes[i] = inner.get(i).index();
            nodeHashes[i] = hex.formatHex(inner.get(i).hash());
        }
        connection.setAutoCommit(false);
        try (PreparedStatement leaf = connection.prepareStatement("""
                insert into integrity_leaf (sequence, gap, hash)
                select s, g, decode(h, 'hex') from unnest(?::bigint[], ?::boolean[], ?::text[]) as t(s, g, h)""");
             PreparedStatement node = connection.prepareStatement("""
                     insert into integrity_node (level, node_index, hash)
                     select l, i, decode(h, 'hex') from unnest(?::smallint[], ?::bigint[], ?::text[]) as t(l, i, h)""")) {
            leaf.setArray(1, connection.createArrayOf("bigint", sequences));
            leaf.setArray(2, connection.createArrayOf("boolean", gaps));
            leaf.setArray(3, connection.createArrayOf("text", leafHashes));
            leaf.executeUpdate();
            if (!inner.isEmpty()) {
                node.setArray(1, connection.createArrayOf("smallint", levels));
                node.setArray(2, connection.createArrayOf("bigint", indexes));
                node.setArray(3, connection.createArrayOf("text", nodeHashes));
                node.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void checkpointIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCheckpointAt, now).compareTo(properties.checkpointInterval()) < 0) {
            return;
        }
        lastCheckpointAt = now;
        long latest = tree.latestCheckpoint().map(c -> c.treeSize()).orElse(-1L);
        if (range.size() > latest) {
            tree.issue(range.size());
        }
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
