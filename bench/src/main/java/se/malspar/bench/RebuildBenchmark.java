package se.malspar.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Over 400 lines: one benchmark, run as one command, that builds its store, replays it in each
 * configuration and measures its own references (plain read, Axon's defaults) in the same run.
 * <p>
 * 1. Rebuild: a store of N events (default 1,000,000), every read model replayed; compared in the same run with a
 * plain ordered JDBC read of the same events (without and with Jackson deserialization), and with Axon's defaults.
 * <p>
 * Arguments: {@code [events=1000000] [runs=3] [configs=tuned,defaults]}. System properties: {@code bench.indicators}
 * (2000), {@code bench.defaultsWindowSeconds} (60; 0 lets the defaults replay run to the end),
 * {@code bench.replayTimeout} (3600 s), {@code bench.storageWhatIf} (false: see {@link #storageWhatIf}), {@code bench.config.<name>} (a configuration of one's own: the application's
 * settings, separated by spaces or {@code ;}, e.g. {@code "--malspar.processors.segments=1;--malspar.processors.batch-size=500"}),
 * {@code bench.alone}, {@code bench.replayOnly} (comma-separated read models: replay only these, e.g.
 * {@code programme}; each run then also prints CPU ms per 1,000 events and the supersede updates' heap-only share),
 * {@code bench.streamReaders} (below). Each rebuild reports where its CPU went ({@link StreamCpu}).
 */
public final class RebuildBenchmark {

    static final int INDICATORS = Integer.getInteger("bench.indicators", 2000);
    static final double ZIPF_S = 0.7;
    /** Seconds between progress lines while a replay runs. */
    static final double PROGRESS_EVERY = 10;
    /** {@code bench.alone=true}: after each rebuild of all, every read model is also replayed alone, one after the other. */
    static final boolean ALONE = Boolean.getBoolean("bench.alone");
    /** {@code bench.replayOnly=a,b}: the rebuild replays only these read models. */
    static final List<String> REPLAY_ONLY = System.getProperty("bench.replayOnly") == null ? null
            : Arrays.asList(System.getProperty("bench.replayOnly").split(","));
    /**
     * {@code bench.streamReaders=1,8}: before each rebuild, that many of Axon's own event streams read the whole store
     * at once from the start, without handlers (the reading a replaying processor does, alone): 0 or empty skips it.
     */
    static final int[] STREAM_READERS = Arrays.stream(System.getProperty("bench.streamReaders", "").split(","))
            .filter(x -> !x.isBlank()).mapToInt(Integer::parseInt).filter(x -> x > 0).toArray();

    public static void main(String[] argv) throws Exception {
        int events = argv.length > 0 ? Integer.parseInt(argv[0]) : 1_000_000;
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 3;
        List<String> configs = Arrays.asList((argv.length > 2 ? argv[2] : "tuned,defaults").split(","));
        long replayTimeoutSeconds = Long.parseLong(System.getProperty("bench.replayTimeout", "3600"));
        int window = Integer.getInteger("bench.defaultsWindowSeconds", 60);
        Path dir = Path.of("bench/target/store-" + events);
        if (!Files.exists(dir.resolve("generated"))) {
            generate(dir, events);
        }
        Map<String, String[]> settings = new LinkedHashMap<>();
        settings.put("tuned", new String[0]); // the application's own settings (malspar-platform.yml)
        settings.put("defaults", new String[]{"--malspar.processors.batch-size=1", "--malspar.processors.segments=1",
                "--malspar.events.read-batch-size=100", "--malspar.processors.token-claim-interval=5s"});
        for (String config : configs) {
            if (config.isBlank()) {
                continue; // RebuildBenchmark N 1 "" only generates the store
            }
            String own = System.getProperty("bench.config." + config);
            if (own != null) {
                settings.put(config, own.isBlank() ? new String[0] : own.trim().split("[\\s;]+"));
            }
            if (!settings.containsKey(config)) {
                throw new IllegalArgumentException("unknown configuration " + config + "; known: " + settings.keySet()
                        + ", or define one with -Dbench.config." + config + "=\"--setting=value …\"");
            }
            try (ConfigurableApplicationContext ctx = Support.start(dir, settings.get(config))) {
                Support.log("== rebuild, configuration '%s': %s", config, String.join(" ", settings.get(config)));
                int segments = Integer.parseInt(ctx.getEnvironment().getProperty("malspar.processors.segments"));
                Support.log("processors: batch-size=%s segments=%d token-claim-interval=%s events.read-batch-size=%s",
                        ctx.getEnvironment().getProperty("malspar.processors.batch-size"), segments,
                        ctx.getEnvironment().getProperty("malspar.processors.token-claim-interval"),
                        ctx.getEnvironment().getProperty("malspar.events.read-batch-size", "1000"));
                Support.machine(ctx);
                run(ctx, runs, replayTimeoutSeconds, segments, config.equals("defaults") ? window : 0, window);
                guardRails(ctx);
            }
        }
        System.exit(0);
    }

    /**
     * {@code runs} rebuilds of every read model. With {@code window} 0 each replay runs until every read model has
     * reached lag 0 (started with {@code POST /api/admin/projections/{name}/replay}); otherwise each replay is watched
     * for {@code window} seconds only and then stopped. {@code early} seconds: the window the full replay is also
     * measured over, for a like-for-like comparison with a windowed configuration.
     */
    static void run(ConfigurableApplicationContext ctx, int runs, long timeoutSeconds, int segments, int window,
                    int early) throws Exception {
        Support.Api api = new Support.Api(Support.port(ctx));
        JdbcTemplate jdbc = Support.jdbc(ctx);
        long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Support.log("events in store: %d", count);
        StreamCpu.usePostgresOf(jdbc);
        if (window > 0) {
            // every windowed run resets the read models anyway: no need to let an earlier, interrupted replay finish
            JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
            list.forEach(p -> Support.log("at start: %s %s, lag %s (not waited for: each windowed run starts from the "
                    + "tail)", p.get("name").asText(), p.get("state").asText(), p.get("lag").asText()));
        } else {
            long t0 = System.nanoTime();
            waitForLagZero(api, null, timeoutSeconds);
            Support.log("caught up after start in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
        ensureSegments(ctx, api, segments, window == 0, timeoutSeconds);
        if (window > 0) {
            Support.log("windowed: each replay is started in process (the same shutDown, resetTokens(tail), start as "
                    + "POST /replay, which refuses a replay while another is unfinished), watched for %d s, then "
                    + "stopped; the read models are stopped during the plain reads", window);
        }
        List<Double> plain = new ArrayList<>(), deser = new ArrayList<>(), rebuild = new ArrayList<>(),
                ratioPlain = new ArrayList<>(), ratioDeser = new ArrayList<>(), heap = new ArrayList<>(),
                earlyRates = new ArrayList<>();
        Map<String, List<Double>> perProjection = new TreeMap<>(), perProjectionAlone = new TreeMap<>();
        List<Double> fullPlain = new ArrayList<>(), ratioFull = new ArrayList<>(), cpuReading = new ArrayList<>(),
                cpuHandling = new ArrayList<>(), cpuPostgres = new ArrayList<>(), cpuRest = new ArrayList<>(),
                cpuHttp = new ArrayList<>();
        Map<String, List<Integer>> segmentsSeen = new TreeMap<>();
        for (int r = 1; r <= runs; r++) {
            if (window > 0) {
                streaming(ctx).forEach(StreamingEventProcessor::shutDown);
            }
            double p = plainRead(ctx, false);
            double d = plainRead(ctx, true);
            double full = plainRead(ctx, false, ALL_COLUMNS);
            Support.log("run %d: plain read of every column the storage engine reads (%s): %.0f ev/s; load %s", r,
                    ALL_COLUMNS, full, StreamCpu.load());
            if (STREAM_READERS.length > 0 && window == 0) {
                for (int readers : STREAM_READERS) {
                    streamRead(ctx, readers, false);
                    streamRead(ctx, readers, true);
                }
            }
            Support.resetHeapPeak();
            StreamCpu.Snapshot before = StreamCpu.take();
            CpuMeter.Snapshot cpuBefore = CpuMeter.take();
            long ownPostgresBefore = REPLAY_ONLY == null ? 0 : ownPostgresNanos(ctx);
            Watch watch = window > 0 ? replayWindow(ctx, api, window, timeoutSeconds, jdbc)
                    : replayAll(api, timeoutSeconds, early, jdbc);
            StreamCpu.Split split = StreamCpu.between(before, StreamCpu.take());
            Support.log("run %d: CPU of the rebuild: %s; load %s", r, split.describe(), StreamCpu.load());
            fullPlain.add(full);
            cpuReading.add(split.reading());
            cpuHandling.add(split.handling());
            cpuPostgres.add(split.postgres());
            cpuRest.add(split.jvmRest());
            cpuHttp.add(split.http());
            if (REPLAY_ONLY != null) {
                CpuMeter.Snapshot cpuAfter = CpuMeter.take();
                Support.log("run %d: CPU ms per 1,000 events during the replay of %s: %s; machine busy %.2f; load %s", r,
                        REPLAY_ONLY, CpuMeter.perOperation(cpuBefore, cpuAfter, count / 1000), CpuMeter.machineBusy(cpuBefore,
                        cpuAfter), Files.readString(Path.of("/proc/loadavg")).trim());
                Support.log("run %d: CPU ms per 1,000 events of this store's own PostgreSQL (its postmaster and children; "
                        + "the figure above counts every postgres process on the machine): %.1f", r,
                        (ownPostgresNanos(ctx) - ownPostgresBefore) / 1e6 / (count / 1000.0));
                // Whether the supersede updates stayed on their page (heap-only) and what the tables hold.
                int run = r;
                jdbc.queryForList("""
                        select s.relname, s.n_tup_ins, s.n_tup_upd, s.n_tup_hot_upd, pg_relation_size(s.relid) heap_bytes,
                               pg_indexes_size(s.relid) index_bytes, coalesce(pg_total_relation_size(c.reltoastrelid), 0) toast_bytes
                          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                         where s.relname in ('programme_measurement', 'programme_verdict')""")
                        .forEach(row -> Support.log("run %d: table %s (counters since the server started)", run, row));
            }
            Map<String, Double> rates = window > 0 ? watch.windowRates(count) : watch.fullRates(count);
            double rate = rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            heap.add((double) Support.heapPeakMiB());
            String earlyText = "";
            if (window == 0 && early > 0) {
                double e = watch.earlyRates(count).values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                earlyRates.add(e);
                earlyText = String.format(java.util.Locale.ROOT, ", first %d s: %.0f ev/s", early, e);
            }
            Support.log("run %d: plain read %.0f ev/s, read+Jackson %.0f ev/s, rebuild all %.0f ev/s (%s)%s, per read model %s, "
                            + "segments seen %s, heap peak %.0f MiB", r, p, d, rate, watch.describe(), earlyText,
                    rounded(rates), watch.segments, heap.get(heap.size() - 1));
            plain.add(p);
            deser.add(d);
            rebuild.add(rate);
            ratioPlain.add(rate / p);
            ratioDeser.add(rate / d);
            ratioFull.add(rate / full);
            rates.forEach((name, v) -> perProjection.computeIfAbsent(name, n -> new ArrayList<>()).add(v));
            watch.segments.forEach((name, n) -> segmentsSeen.computeIfAbsent(name, k -> new ArrayList<>()).add(n));
            if (ALONE && window == 0) {
                for (String name : watch.names) {
                    StreamCpu.Snapshot a = StreamCpu.take();
                    Watch one = replay(api, List.of(name), timeoutSeconds, jdbc);
                    StreamCpu.Split s = StreamCpu.between(a, StreamCpu.take());
                    double alone = one.fullRates(count).get(name);
                    Support.log("run %d: %s replayed alone (nothing else replaying) reached lag 0 at %.0f ev/s; CPU: %s; load %s",
                            r, name, alone, s.describe(), StreamCpu.load());
                    perProjectionAlone.computeIfAbsent(name, n -> new ArrayList<>()).add(alone);
                }
            }
        }
        String how = window > 0
                ? String.format(java.util.Locale.ROOT, "WINDOWED: events replayed in the first %d s of each replay ÷ %d s (the slowest read model's position; the replay was then stopped, not finished)", window, window)
                : "until every read model reached lag 0: events in the store ÷ seconds";
        Support.log("RESULT plain ordered read (JDBC, fetch size 5000): %s ev/s", Support.summary(plain, "%.0f"));
        Support.log("RESULT plain read + Jackson deserialization:      %s ev/s", Support.summary(deser, "%.0f"));
        Support.log("RESULT rebuild of every read model (all at once):  %s ev/s — %s", Support.summary(rebuild, "%.0f"), how);
        Support.log("RESULT ratio rebuild / plain read:                 %s", Support.summary(ratioPlain, "%.3f"));
        Support.log("RESULT ratio rebuild / read+Jackson:               %s", Support.summary(ratioDeser, "%.3f"));
        Support.log("RESULT plain ordered read of every column the storage engine reads: %s ev/s",
                Support.summary(fullPlain, "%.0f"));
        Support.log("RESULT ratio rebuild / plain read of every column: %s", Support.summary(ratioFull, "%.3f"));
        Support.log("RESULT CPU s of a rebuild: reading (processors' coordinators) %s; handling (work packages) %s; "
                        + "PostgreSQL %s; HTTP threads (status polls) %s; rest of the JVM %s", Support.summary(cpuReading, "%.1f"),
                Support.summary(cpuHandling, "%.1f"), Support.summary(cpuPostgres, "%.1f"), Support.summary(cpuHttp, "%.1f"),
                Support.summary(cpuRest, "%.1f"));
        perProjectionAlone.forEach((name, rates) -> Support.log("RESULT   %s replayed alone (nothing else replaying): %s ev/s",
                name, Support.summary(rates, "%.0f")));
        if (!earlyRates.isEmpty()) {
            Support.log("RESULT rebuild over its first %d s only (like the windowed defaults): %s ev/s", early,
                    Support.summary(earlyRates, "%.0f"));
        }
        perProjection.forEach((name, rates) -> Support.log(window > 0
                        ? "RESULT   %s alone: %s ev/s (over the window, or to lag 0 if it got there first)"
                        : "RESULT   %s alone reached lag 0 at: %s ev/s", name, Support.summary(rates, "%.0f")));
        segmentsSeen.forEach((name, seen) -> Support.log("RESULT   %s segments during the replays: %s", name, seen));
        Support.log("RESULT heap peak during rebuild (sum of heap pool peaks): %s MiB", Support.summary(heap, "%.0f"));
    }

    /** The columns Axon's JPA storage engine reads for each event of a stream (its DomainEventEntry). */
    static final String ALL_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** utime + stime of this store's PostgreSQL: its postmaster ({@code postmaster.pid}) and the processes it started. */
    static long ownPostgresNanos(ConfigurableApplicationContext ctx) throws Exception {
        Path pidFile = Path.of(ctx.getEnvironment().getProperty("malspar.data-dir"), "postgres", "postmaster.pid");
        String postmaster = Files.readAllLines(pidFile).get(0).trim();
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after "pid (comm) ": state ppid … utime stime (fields 14 and 15 of stat)
                    if (p.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException ended) {
                    // the process ended while we looked
                }
            }
        }
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    /** Streams every event in order: returns events/s. */
    static double plainRead(ConfigurableApplicationContext ctx, boolean deserialize) throws Exception {
        return plainRead(ctx, deserialize, null);
    }

    /**
     * Streams every event in order, one cursor, fetch size 5,000: returns events/s. With {@code columns}, reads those
     * (every column as text or bytes, nothing deserialized) instead of the four the first reference reads.
     */
    static double plainRead(ConfigurableApplicationContext ctx, boolean deserialize, String columns) throws Exception {
        if (columns != null) {
            long n = 0;
            long start = System.nanoTime();
            try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("select " + columns
                        + " from domain_event_entry order by global_index")) {
                    s.setFetchSize(5000);
                    try (ResultSet rs = s.executeQuery()) {
                        int width = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= width; i++) {
                                if (rs.getObject(i) == null) {
                                    continue;
                                }
                            }
                            n++;
                        }
                    }
                }
                c.commit();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        Map<String, Class<?>> classes = new HashMap<>();
        long n = 0, bytes = 0;
        long start = System.nanoTime();
        try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "select global_index, payload_type, payload, meta_data from domain_event_entry order by global_index")) {
                s.setFetchSize(5000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        String type = rs.getString(2);
                        byte[] payload = rs.getBytes(3);
                        byte[] meta = rs.getBytes(4);
                        bytes += payload.length + meta.length;
                        if (deserialize) {
                            Class<?> cls = classes.computeIfAbsent(type, t -> {
                                try {
                                    return Class.forName(t);
                                } catch (ClassNotFoundException e) {
                                    return JsonNode.class;
                                }
                            });
                            mapper.readValue(payload, cls);
                            mapper.readValue(meta, Map.class);
                        }
                        n++;
                    }
                }
            }
            c.commit();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code readers} streams of the application's event store opened at the start at once, each read to the head in
     * its own thread, as a replaying processor's coordinator reads (the storage engine's batches, upcasting, the
     * messages); with {@code payloads}, each event's payload and metadata are also deserialized, as a handler would.
     * Logs events/s per stream and CPU seconds.
     */
    @SuppressWarnings("unchecked")
    static void streamRead(ConfigurableApplicationContext ctx, int readers, boolean payloads) throws Exception {
        StreamableMessageSource<org.axonframework.eventhandling.TrackedEventMessage<?>> source =
                ctx.getBean(EventStore.class);
        long head = Support.jdbc(ctx).queryForObject("select max(global_index) from domain_event_entry", Long.class);
        StreamCpu.Snapshot a = StreamCpu.take();
        long t0 = System.nanoTime();
        List<java.util.concurrent.Future<Long>> done = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers,
                r -> new Thread(r, "Coordinator[stream-read]"));
        for (int i = 0; i < readers; i++) {
            done.add(pool.submit(() -> {
                long n = 0;
                try (var stream = source.openStream(source.createTailToken())) {
                    while (true) {
                        var event = stream.nextAvailable();
                        if (payloads) {
                            event.getPayload();
                            event.getMetaData().size();
                        }
                        n++;
                        if (event.trackingToken().position().orElse(0) >= head) {
                            return n;
                        }
                    }
                }
            }));
        }
        long events = 0;
        for (var f : done) {
            events += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        StreamCpu.Split split = StreamCpu.between(a, StreamCpu.take());
        Support.log("RESULT-RUN Axon event stream read, %d stream(s) at once%s: %.0f ev/s per stream (%d events in all in "
                        + "%.1f s); CPU s: readers %.1f, PostgreSQL %.1f, rest of the JVM %.1f; machine busy %.0f %%; load %s",
                readers, payloads ? ", payload and metadata deserialized" : ", nothing deserialized",
                events / readers / seconds, events, seconds, split.reading(), split.postgres(), split.jvmRest(),
                split.machineBusy() * 100, StreamCpu.load());
    }

    /** Replays every read model that supports it through the API, all at once, and watches until each reached lag 0. */
    static Watch replayAll(Support.Api api, long timeoutSeconds, int early, JdbcTemplate jdbc) throws Exception {
        JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
        List<String> names = new ArrayList<>();
        list.forEach(p -> names.add(p.get("name").asText()));
        if (REPLAY_ONLY != null) {
            names.retainAll(REPLAY_ONLY);
        }
        return replay(api, names, timeoutSeconds, jdbc, early);
    }

    static Watch replay(Support.Api api, List<String> names, long timeoutSeconds, JdbcTemplate jdbc) throws Exception {
        return replay(api, names, timeoutSeconds, jdbc, 0);
    }

    /** Replays the named read models through the API, all at once, and watches until each reached lag 0. */
    static Watch replay(Support.Api api, List<String> names, long timeoutSeconds, JdbcTemplate jdbc, int early) throws Exception {
        List<String> replayed = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : names) {
            var response = api.send("operator", "POST", "/api/admin/projections/" + name + "/replay", null);
            if (response.statusCode() == 202) {
                replayed.add(name);
            } else {
                Support.log("replay of %s refused: %d %s", name, response.statusCode(), response.body());
            }
        }
        return watch(api, replayed, start, 0, early, timeoutSeconds, jdbc);
    }

    /**
     * Replays every read model that supports it in process, all at once, watches it for {@code window} seconds and
     * stops the processors: a replay with Axon's defaults is too slow to finish three times at 1M events.
     */
    static Watch replayWindow(ConfigurableApplicationContext ctx, Support.Api api, int window, long timeoutSeconds,
                              JdbcTemplate jdbc) throws Exception {
        List<StreamingEventProcessor> processors = streaming(ctx).stream().filter(StreamingEventProcessor::supportsReset).toList();
        long start = System.nanoTime();
        for (StreamingEventProcessor p : processors) {
            // what ProjectionOperations.replay does for POST /api/admin/projections/{name}/replay
            p.shutDown();
            p.resetTokens(StreamableMessageSource::createTailToken);
            p.start();
        }
        Watch watch = watch(api, processors.stream().map(StreamingEventProcessor::getName).toList(), start, window, 0,
                timeoutSeconds, jdbc);
        long stop = System.nanoTime();
        processors.forEach(StreamingEventProcessor::shutDown);
        Support.log("replays stopped after the window (shutting the processors down took %.1f s)", (System.nanoTime() - stop) / 1e9);
        return watch;
    }

    /** What was seen of one replay of several read models. */
    static final class Watch {
        /** Seconds from the start until a read model reached lag 0 (absent if it did not within the watch). */
        final Map<String, Double> finished = new TreeMap<>();
        /** Events replayed (up to its position) by a read model at the first poll after the window / early window. */
        final Map<String, Long> eventsAtWindow = new TreeMap<>(), eventsAtEarly = new TreeMap<>();
        double windowSeconds, earlySeconds, totalSeconds;
        /** The most segments a read model had in any poll during the replay. */
        final Map<String, Integer> segments = new TreeMap<>();
        List<String> names;

        Map<String, Double> fullRates(long count) {
            Map<String, Double> rates = new TreeMap<>();
            finished.forEach((name, s) -> rates.put(name, count / s));
            return rates;
        }

        Map<String, Double> windowRates(long count) {
            Map<String, Double> rates = new TreeMap<>();
            for (String name : names) {
                rates.put(name, finished.containsKey(name) ? count / finished.get(name)
                        : eventsAtWindow.getOrDefault(name, 0L) / windowSeconds);
            }
            return rates;
        }

        Map<String, Double> earlyRates(long count) {
            Map<String, Double> rates = new TreeMap<>();
            for (String name : names) {
                Double done = finished.get(name);
                rates.put(name, done != null && (earlySeconds == 0 || done <= earlySeconds) ? count / done
                        : eventsAtEarly.getOrDefault(name, 0L) / earlySeconds);
            }
            return rates;
        }

        String describe() {
            return windowSeconds > 0 ? String.format(java.util.Locale.ROOT, "window %.1f s, %s events in it",
                    windowSeconds, eventsAtWindow)
                    : String.format(java.util.Locale.ROOT, "%.1f s", totalSeconds);
        }
    }

    /**
     * Polls {@code GET /api/admin/projections} every 50 ms until every named read model is finished (running, every
     * segment claimed, position at the head, lag 0), or, with {@code window} > 0, until {@code window} seconds have
     * passed. Prints each read model's state, segments and position every {@value #PROGRESS_EVERY} s.
     */
    static Watch watch(Support.Api api, List<String> names, long start, double window, double early,
                       long timeoutSeconds, JdbcTemplate jdbc) throws Exception {
        Watch watch = new Watch();
        watch.names = names;
        Map<String, Long> positionsAtWindow = new TreeMap<>(), positionsAtEarly = new TreeMap<>();
        double nextProgress = PROGRESS_EVERY;
        while (true) {
            Thread.sleep(50);
            JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean all = true;
            List<String> progress = new ArrayList<>();
            for (JsonNode p : list) {
                String name = p.get("name").asText();
                if (!names.contains(name)) {
                    continue;
                }
                int segments = p.path("segments").size();
                int claimed = 0;
                for (JsonNode segment : p.path("segments")) {
                    claimed += segment.path("claimed").asBoolean(false) ? 1 : 0;
                }
                watch.segments.merge(name, segments, Math::max);
                long position = p.path("position").isNull() || p.path("position").isMissingNode() ? 0 : p.get("position").asLong();
                boolean finished = "RUNNING".equals(p.get("state").asText()) && claimed == segments && segments > 0
                        && !p.path("position").isNull() && !p.path("head").isNull()
                        && p.get("position").asLong() >= p.get("head").asLong() && p.get("lag").asLong() == 0;
                if (finished) {
                    watch.finished.putIfAbsent(name, elapsed);
                } else {
                    all = false;
                    if ("ERROR".equals(p.get("state").asText())) {
                        throw new IllegalStateException("projection in error: " + p);
                    }
                }
                if (window > 0 && elapsed >= window) {
                    positionsAtWindow.put(name, position);
                }
                if (early > 0 && elapsed >= early && watch.earlySeconds == 0) {
                    positionsAtEarly.put(name, position);
                }
                progress.add(String.format(java.util.Locale.ROOT, "%s %s segments %d (claimed %d) position %d",
                        name, p.get("state").asText(), segments, claimed, position));
            }
            if (early > 0 && elapsed >= early && watch.earlySeconds == 0) {
                watch.earlySeconds = elapsed;
            }
            if (elapsed >= nextProgress) {
                Support.log("  t=%.0f s: %s", elapsed, String.join("; ", progress));
                nextProgress += PROGRESS_EVERY;
            }
            if (window > 0 && elapsed >= window) {
                watch.windowSeconds = elapsed;
                break;
            }
            if (all) {
                watch.totalSeconds = elapsed;
                break;
            }
            if (elapsed > timeoutSeconds) {
                throw new IllegalStateException("timeout after " + timeoutSeconds + " s: " + list);
            }
        }
        // positions are global indexes: count the events up to each (exact even if the store had gaps)
        positionsAtWindow.forEach((name, pos) -> watch.eventsAtWindow.put(name, eventsUpTo(jdbc, pos)));
        positionsAtEarly.forEach((name, pos) -> watch.eventsAtEarly.put(name, eventsUpTo(jdbc, pos)));
        return watch;
    }

    static long eventsUpTo(JdbcTemplate jdbc, long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class, position);
    }

    static void waitForLagZero(Support.Api api, List<String> names, long timeoutSeconds) throws Exception {
        JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
        List<String> all = new ArrayList<>();
        list.forEach(p -> all.add(p.get("name").asText()));
        watch(api, names == null ? all : names, System.nanoTime(), 0, 0, timeoutSeconds, null);
    }

    static List<StreamingEventProcessor> streaming(ConfigurableApplicationContext ctx) {
        return ctx.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName)).toList();
    }

    static int[] storedSegments(ConfigurableApplicationContext ctx, String processor) {
        EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
        TokenStore tokens = processing.tokenStore(processor);
        TransactionManager tx = processing.transactionManager(processor);
        int[] ids = tx.fetchInTransaction(() -> tokens.fetchSegments(processor));
        Arrays.sort(ids);
        return ids;
    }

    /**
     * A processor keeps the segments its token store has; {@code malspar.processors.segments} only applies to a
     * processor without tokens. So every read model is split or merged (Axon's own split/merge, while caught up) to
     * the configured count before the runs.
     */
    static void ensureSegments(ConfigurableApplicationContext ctx, Support.Api api, int wanted, boolean waitForLagZero,
                               long timeoutSeconds) throws Exception {
        boolean changed = false;
        for (StreamingEventProcessor p : streaming(ctx)) {
            int[] ids = storedSegments(ctx, p.getName());
            Support.log("%s: %d segments in the token store %s, configured %d", p.getName(), ids.length,
                    Arrays.toString(ids), wanted);
            while (ids.length != wanted) {
                boolean merge = ids.length > wanted;
                // merge the smallest segment with its partner, or split the largest
                Segment chosen = Arrays.stream(Segment.computeSegments(ids))
                        .max(Comparator.comparingInt(s -> merge ? s.getMask() : -s.getMask())).orElseThrow();
                boolean done = (merge ? p.mergeSegment(chosen.getSegmentId()) : p.splitSegment(chosen.getSegmentId()))
                        .get(120, TimeUnit.SECONDS);
                if (!done) {
                    throw new IllegalStateException((merge ? "merge" : "split") + " of " + p.getName()
                            + " segment " + chosen.getSegmentId() + " refused");
                }
                changed = true;
                ids = storedSegments(ctx, p.getName());
                Support.log("%s: now %d segments %s", p.getName(), ids.length, Arrays.toString(ids));
            }
        }
        if (changed && waitForLagZero) {
            long t0 = System.nanoTime();
            waitForLagZero(api, null, timeoutSeconds);
            Support.log("every segment claimed and at lag 0 again after %.1f s", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static Map<String, Long> rounded(Map<String, Double> rates) {
        Map<String, Long> out = new TreeMap<>();
        rates.forEach((k, v) -> out.put(k, Math.round(v)));
        return out;
    }

    static void guardRails(ConfigurableApplicationContext ctx) {
        JdbcTemplate jdbc = Support.jdbc(ctx);
        long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long total = jdbc.queryForObject("select pg_total_relation_size('domain_event_entry')", Long.class);
        long table = jdbc.queryForObject("select pg_relation_size('domain_event_entry')", Long.class);
        Support.log("RESULT guard rail: events %d, bytes/event on disk %.0f (with indexes and TOAST), %.0f (heap only)",
                count, (double) total / count, (double) table / count);
        Support.log("RESULT guard rail: avg payload+meta_data bytes/event %s",
                jdbc.queryForObject("select round(avg(octet_length(payload) + octet_length(meta_data))) from domain_event_entry", String.class));
        for (var row : jdbc.queryForList("""
                select payload_type t, count(*) n, round(avg(octet_length(payload))) p, max(octet_length(payload)) m
                from domain_event_entry group by 1 order by 2 desc limit 4""")) {
            Support.log("store: %s × %s, payload avg %s bytes, max %s", row.get("t"), row.get("n"), row.get("p"), row.get("m"));
        }
        storageBreakdown(ctx, jdbc, count);
        Support.log("RESULT guard rail: large objects (pg_largeobject_metadata) = %d",
                jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class));
        Support.log("RESULT guard rail: gaps in global_index = %d", jdbc.queryForObject("""
                select count(*) from (select global_index - lag(global_index) over (order by global_index) d
                from domain_event_entry) x where d > 1""", Long.class));
        for (var row : jdbc.queryForList("select processor_name, segment, token from token_entry order by 1, 2")) {
            Object token = row.get("token");
            String text = token instanceof byte[] b ? new String(b) : String.valueOf(token);
            Support.log("RESULT guard rail: token %s/%s gaps field: %s", row.get("processor_name"), row.get("segment"),
                    text.replaceAll("(?s).*\"gaps\":(\\[[^]]*\\]).*", "$1").replaceAll("(?s)^(.{200}).*", "$1…"));
        }
        Support.log("RESULT guard rail: database size %d MiB",
                jdbc.queryForObject("select pg_database_size(current_database())", Long.class) >> 20);
    }

    /**
     * Where the bytes of {@code domain_event_entry} go: each relation (heap, TOAST, each index) per event, each column's
     * stored size ({@code pg_column_size}: compressed if PostgreSQL compressed it) next to its raw length, how many
     * payloads are stored compressed, and the same per event type.
     */
    static void storageBreakdown(ConfigurableApplicationContext ctx, JdbcTemplate jdbc, long count) {
        for (var row : jdbc.queryForList("""
                select c.relname, pg_relation_size(c.oid) bytes from pg_class c
                where c.oid = 'domain_event_entry'::regclass
                   or c.oid = (select reltoastrelid from pg_class where oid = 'domain_event_entry'::regclass)
                   or c.oid in (select indexrelid from pg_index where indrelid = 'domain_event_entry'::regclass
                                or indrelid = (select reltoastrelid from pg_class where oid = 'domain_event_entry'::regclass))
                order by 2 desc""")) {
            Support.log("RESULT storage: %-45s %,12d bytes, %6.1f per event", row.get("relname"), row.get("bytes"),
                    ((Number) row.get("bytes")).doubleValue() / count);
        }
        var c = jdbc.queryForMap("""
                select avg(pg_column_size(e.*)) row_datum, avg(pg_column_size(global_index)) global_index,
                avg(pg_column_size(event_identifier)) event_identifier, avg(pg_column_size(aggregate_identifier)) aggregate_identifier,
                avg(pg_column_size(sequence_number)) sequence_number, avg(pg_column_size(type)) type,
                avg(pg_column_size(time_stamp)) time_stamp, avg(pg_column_size(payload_type)) payload_type,
                avg(pg_column_size(payload_revision)) payload_revision, avg(pg_column_size(payload)) payload,
                avg(octet_length(payload)) payload_raw, avg(pg_column_size(meta_data)) meta_data,
                avg(octet_length(meta_data)) meta_data_raw,
                count(*) filter (where pg_column_compression(payload) is not null) payload_compressed,
                count(*) filter (where pg_column_compression(meta_data) is not null) meta_data_compressed
                from domain_event_entry e""");
        Support.log("RESULT storage: per column, average stored bytes (raw length): %s", c.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof java.math.BigDecimal b
                        ? b.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() : e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")));
        Support.log("RESULT storage: heap per event %.1f bytes = row datum (24-byte header + columns) %.1f + line "
                        + "pointer 4 + alignment and free space in the pages %.1f",
                jdbc.queryForObject("select pg_relation_size('domain_event_entry')", Long.class) / (double) count,
                ((Number) c.get("row_datum")).doubleValue(),
                jdbc.queryForObject("select pg_relation_size('domain_event_entry')", Long.class) / (double) count
                        - ((Number) c.get("row_datum")).doubleValue() - 4);
        if (Boolean.getBoolean("bench.storageWhatIf")) {
            storageWhatIf(ctx, count);
        }
        for (var row : jdbc.queryForList("""
                select payload_type, count(*) n, round(avg(pg_column_size(e.*))) row_datum,
                round(avg(pg_column_size(payload))) payload, round(avg(octet_length(payload))) payload_raw,
                round(avg(pg_column_size(meta_data))) meta_data, round(avg(octet_length(meta_data))) meta_data_raw,
                count(*) filter (where pg_column_compression(payload) is not null) compressed
                from domain_event_entry e group by 1 order by 2 desc limit 6""")) {
            Support.log("RESULT storage: %s", row);
        }
    }

    /** Removes the verdicts' two explanation texts from a stored payload (compact JSON as Jackson wrote it). */
    static final String NO_EXPLANATIONS = "regexp_replace(convert_from(%s, 'UTF8'), "
            + "',\"explanationSv\":\"([^\"\\\\]|\\\\.)*\",\"explanationEn\":\"([^\"\\\\]|\\\\.)*\"', '')";
    /** Removes every {@code "name":null} member from JSON text. */
    static final String NO_NULLS = "regexp_replace(regexp_replace(%s, '\"[A-Za-z]+\":null,?', '', 'g'), ',}', '}', 'g')";

    /**
     * {@code -Dbench.storageWhatIf=true}: what each lever would give, measured rather than estimated. Copies of
     * {@code domain_event_entry} (temporary tables with its columns, storage, compression and the same three unique
     * indexes), filled in global order with the same rows, one lever each: as they are (the control), indexes rebuilt
     * ({@code REINDEX}), every payload compressed by PostgreSQL (a payload stored next to a 2.1 kB uncompressible
     * column goes through the toaster like a row over its threshold; the compressed value is then copied), verdicts
     * without their two explanation texts, without null members, and all of these at once.
     */
    static void storageWhatIf(ConfigurableApplicationContext ctx, long count) {
        String columns = "global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision";
        String trimmed = "convert_to(" + NO_NULLS.formatted(NO_EXPLANATIONS.formatted("payload")) + ", 'UTF8')";
        // as the superuser: the application's role may not create temporary tables (README, Database)
        try (Connection c = ctx.getBean(se.malspar.platform.database.EmbeddedDatabase.class).connectAsSuperuser()) {
            var on = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
            on.execute("create temp table w_pad (global_index bigint, pad bytea, payload bytea, trimmed bytea)");
            on.execute("alter table w_pad alter column pad set storage plain");
            on.execute("insert into w_pad select global_index, convert_to(repeat('x', 2100), 'UTF8'), payload, "
                    + trimmed + " from domain_event_entry");
            Map<String, String> payloads = new LinkedHashMap<>();
            payloads.put("as stored (control)", "e.payload");
            payloads.put("indexes rebuilt (REINDEX)", "e.payload");
            payloads.put("every payload compressed (pglz)", "p.payload");
            payloads.put("verdicts without explanationSv/En", "convert_to(" + NO_EXPLANATIONS.formatted("e.payload") + ", 'UTF8')");
            payloads.put("no null members", "convert_to(" + NO_NULLS.formatted("convert_from(e.payload, 'UTF8')") + ", 'UTF8')");
            payloads.put("without explanations and nulls", "convert_to(" + NO_NULLS.formatted(NO_EXPLANATIONS.formatted("e.payload")) + ", 'UTF8')");
            payloads.put("without explanations and nulls, compressed", "p.trimmed");
            payloads.put("without explanations and nulls, compressed, REINDEX", "p.trimmed");
            for (var lever : payloads.entrySet()) {
                on.execute("drop table if exists w_copy");
                on.execute("create temp table w_copy (like domain_event_entry including all)");
                on.execute("insert into w_copy select " + columns.replaceAll("(\\w+)", "e.$1") + ", " + lever.getValue()
                        + ", e.meta_data from domain_event_entry e join w_pad p using (global_index) order by e.global_index");
                if (lever.getKey().contains("REINDEX")) {
                    on.execute("reindex table w_copy");
                }
                var r = on.queryForMap("""
                        select pg_table_size('w_copy') heap, pg_indexes_size('w_copy') indexes, avg(octet_length(payload)) raw,
                        avg(pg_column_size(payload)) stored, count(*) filter (where pg_column_compression(payload) is not null) compressed
                        from w_copy""");
                Support.log("RESULT storage what-if: %-52s %6.0f bytes/event (heap+TOAST %4.0f, indexes %3.0f); payload %4.0f "
                                + "stored of %4.0f, %d compressed", lever.getKey(),
                        (((Number) r.get("heap")).doubleValue() + ((Number) r.get("indexes")).doubleValue()) / count,
                        ((Number) r.get("heap")).doubleValue() / count, ((Number) r.get("indexes")).doubleValue() / count,
                        ((Number) r.get("stored")).doubleValue(), ((Number) r.get("raw")).doubleValue(), r.get("compressed"));
            }
            on.execute("drop table w_copy");
            on.execute("drop table w_pad");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The structure (programme, 4 goals, 20 delmål, {@value #INDICATORS}-ish indicators each with an ambition level)
     * through the real admin API; then measurements, Zipf-distributed over the indicators, each appended as the pair
     * of events the Indicator aggregate applies for RecordMeasurement ({@code MeasurementRecorded}, then the
     * {@code FulfilmentComputed} the assessment principle gives for the indicator's state, see {@link IndicatorMirror}),
     * in batches of 5,000 events, one transaction each, as the rows Axon's JpaEventStorageEngine writes (its
     * DomainEventEntry, its serializer, its table and sequence, correct aggregate sequence numbers; see
     * {@link #insert}), processors stopped meanwhile. The last measurement goes through the real command path, as a
     * check that the mirrored verdict equals the aggregate's. The read models then catch up once.
     */
    static void generate(Path dir, int events) throws Exception {
        Support.log("== generating a store of %d events in %s", events, dir);
        try (ConfigurableApplicationContext ctx = Support.start(dir)) {
            Support.Api api = new Support.Api(Support.port(ctx));
            long t0 = System.nanoTime();
            List<String> indicators = Support.buildProgramme(api, "bench", INDICATORS);
            Support.log("structure through the admin API: %d indicators in %.1f s", INDICATORS, (System.nanoTime() - t0) / 1e9);
            RebuildBenchmark.waitForLagZero(api, null, 600);
            streaming(ctx).forEach(StreamingEventProcessor::shutDown);
            JdbcTemplate jdbc = Support.jdbc(ctx);
            long existing = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            EventStore store = ctx.getBean(EventStore.class);
            TransactionManager tx = ctx.getBean(TransactionManager.class);
            long t2 = System.nanoTime();
            Map<String, IndicatorMirror> mirrors = new HashMap<>();
            for (String id : indicators) {
                IndicatorMirror mirror = new IndicatorMirror(IndicatorId.of(id));
                tx.executeInTransaction(() -> store.readEvents(id).asStream().forEach(mirror::source));
                mirrors.put(id, mirror);
            }
            Support.log("indicators' state read from their events in %.1f s", (System.nanoTime() - t2) / 1e9);
            double[] cumulative = new double[indicators.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += 1 / Math.pow(i + 1, ZIPF_S);
                cumulative[i] = sum;
            }
            Random random = new Random(42);
            List<String> ranked = new ArrayList<>(indicators);
            java.util.Collections.shuffle(ranked, random);
            // two events per measurement; the last pair comes from the real command (the check below)
            int pairs = (int) Math.max(0, (events - existing) / 2 - 1);
            int batch = 2500; // pairs: 5,000 events per transaction
            long t1 = System.nanoTime();
            long assessNanos = 0, serializeNanos = 0;
            Serializer serializer = ((AbstractEventStorageEngine) ctx.getBean(EventStorageEngine.class)).getEventSerializer();
            DataSource dataSource = ctx.getBean(DataSource.class);
            // one thread inserts batch n (in order) while this one computes and serializes batch n + 1
            java.util.concurrent.ExecutorService inserter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-inserter");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.Future<Long> pending = null;
            long insertNanos = 0;
            Map<String, Integer> perIndicator = new HashMap<>();
            for (int written = 0; written < pairs; written += batch) {
                List<DomainEventMessage<?>> messages = new ArrayList<>(batch * 2);
                for (int k = 0; k < Math.min(batch, pairs - written); k++) {
                    int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    String id = ranked.get(Math.min(idx < 0 ? -idx - 1 : idx, ranked.size() - 1));
                    IndicatorMirror mirror = mirrors.get(id);
                    int nth = perIndicator.merge(id, 1, Integer::sum);
                    MeasurementRecorded measurement = measurement(id, nth, random);
                    long a = System.nanoTime();
                    FulfilmentComputed verdict = mirror.record(measurement);
                    assessNanos += System.nanoTime() - a;
                    String trace = UUID.randomUUID().toString();
                    Map<String, String> metaData = Map.of("userId", "strategy", "loginMode", "basic", "traceId", trace,
                            "correlationId", trace);
                    messages.add(new GenericDomainEventMessage<>(mirror.aggregateType, id, mirror.nextSequence++,
                            measurement, metaData));
                    messages.add(new GenericDomainEventMessage<>(mirror.aggregateType, id, mirror.nextSequence++,
                            verdict, metaData));
                }
                long a2 = System.nanoTime();
                List<DomainEventEntry> entries = new ArrayList<>(messages.size());
                for (DomainEventMessage<?> message : messages) {
                    entries.add(new DomainEventEntry(message, serializer)); // what JpaEventStorageEngine persists
                }
                serializeNanos += System.nanoTime() - a2;
                if (pending != null) {
                    insertNanos += pending.get();
                }
                pending = inserter.submit(() -> insert(dataSource, entries));
                if ((written / batch) % 20 == 0) {
                    Support.log("  %d / %d events serialized, %.0f ev/s", 2L * written + messages.size(), 2L * pairs,
                            (2.0 * written + messages.size()) / ((System.nanoTime() - t1) / 1e9));
                }
            }
            if (pending != null) {
                insertNanos += pending.get();
            }
            inserter.shutdown();
            double seconds = (System.nanoTime() - t1) / 1e9;
            Support.log("bulk append: %d events (%d measurements + their verdicts) in %.1f s (%.0f ev/s); of which "
                            + "computing the verdicts %.1f s and serializing (Axon's serializer) %.1f s on this thread, inserting %.1f s "
                            + "on another, overlapped", 2L * pairs, pairs, seconds, 2 * pairs / seconds, assessNanos / 1e9,
                    serializeNanos / 1e9, insertNanos / 1e9);
            // The events above bypassed the command side, so the indicators it has cached are stale.
            ctx.getBean("indicatorCache", org.axonframework.common.caching.Cache.class).removeAll();
            checkAgainstTheAggregate(api, store, tx, mirrors, ranked.get(0), perIndicator.merge(ranked.get(0), 1, Integer::sum));
            for (var row : jdbc.queryForList("""
                    select global_index, sequence_number, type, time_stamp, payload_type, payload_revision,
                    octet_length(payload) payload_bytes, convert_from(meta_data, 'UTF8') meta_data from domain_event_entry
                    where aggregate_identifier = ? order by sequence_number desc limit 4""", ranked.get(0))) {
                Support.log("  row (last 2 from the real command, the 2 before appended here): %s", row);
            }
            List<Integer> sizes = new ArrayList<>(perIndicator.values());
            sizes.sort(java.util.Collections.reverseOrder());
            Support.log("measurements per indicator (each 2 events): max %d, 10th %d, 100th %d, median %d; indicators "
                            + "with >= 1000 events: %d, >= 10000 events: %d", sizes.get(0), sizes.get(Math.min(9, sizes.size() - 1)),
                    sizes.get(Math.min(99, sizes.size() - 1)), sizes.get(sizes.size() / 2),
                    sizes.stream().filter(s -> 2 * s >= 1000).count(), sizes.stream().filter(s -> 2 * s >= 10000).count());
            Support.log("events in store: %d (asked for %d)", jdbc.queryForObject("select count(*) from domain_event_entry", Long.class), events);
            Support.log("events whose global order disagrees with their aggregate's sequence: %d", jdbc.queryForObject("""
                    select count(*) from (select sequence_number - lag(sequence_number) over (partition by aggregate_identifier
                    order by global_index) d from domain_event_entry) x where d <> 1""", Long.class));
            // caught up once here, with the application's own settings, so that no configuration starts behind
            long t3 = System.nanoTime();
            streaming(ctx).forEach(StreamingEventProcessor::start);
            waitForLagZero(api, null, Long.parseLong(System.getProperty("bench.replayTimeout", "3600")));
            Support.log("read models caught up with the new events in %.1f s (%.0f ev/s; not a measurement)",
                    (System.nanoTime() - t3) / 1e9, (events - existing) / ((System.nanoTime() - t3) / 1e9));
        }
        Files.writeString(dir.resolve("generated"), Instant.now().toString());
    }

    /**
     * Inserts events as {@code JpaEventStorageEngine.appendEvents} would store them (the rows are Axon's own
     * {@link DomainEventEntry}, built with the storage engine's serializer), but with multi-row JDBC inserts in one
     * transaction instead of one JPA persist and one sequence round trip per event. {@code global_index} comes from
     * the same sequence, in the order of the list. Returns the nanoseconds it took.
     */
    static long insert(DataSource dataSource, List<DomainEventEntry> entries) throws Exception {
        long t0 = System.nanoTime();
        int rows = 100;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < entries.size(); from += rows) {
                List<DomainEventEntry> chunk = entries.subList(from, Math.min(entries.size(), from + rows));
                StringBuilder sql = new StringBuilder("insert into domain_event_entry (global_index, event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data) values ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                }
                try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                    int k = 1;
                    for (DomainEventEntry e : chunk) {
                        insert.setString(k++, e.getEventIdentifier());
                        insert.setString(k++, e.getAggregateIdentifier());
                        insert.setLong(k++, e.getSequenceNumber());
                        insert.setString(k++, e.getType());
                        insert.setString(k++, DateTimeUtils.formatInstant(e.getTimestamp()));
                        insert.setString(k++, e.getPayload().getType().getName());
                        insert.setString(k++, e.getPayload().getType().getRevision());
                        insert.setBytes(k++, e.getPayload().getData());
                        insert.setBytes(k++, e.getMetaData().getData());
                    }
                    insert.executeUpdate();
                }
            }
            c.commit();
        }
        return System.nanoTime() - t0;
    }

    /** The nth measurement of an indicator: report periods 2000-T1 … 2029-AR in turn, then again (corrections). */
    static MeasurementRecorded measurement(String id, int nth, Random random) {
        String period = (2000 + (nth / 3) % 30) + (nth % 3 == 0 ? "-T1" : nth % 3 == 1 ? "-T2" : "-AR");
        BigDecimal value = BigDecimal.valueOf(random.nextInt(10000), 1);
        return new MeasurementRecorded(IndicatorId.of(id), period, value, null,
                period.substring(0, 4), Map.of(ReferenceArea.NATIONAL, BigDecimal.valueOf(random.nextInt(10000), 1),
                ReferenceArea.COUNTY, BigDecimal.valueOf(random.nextInt(10000), 1)),
                new MeasurementSource(SourceKind.KOLADA, "N15428", List.of("0665", "0000", "0006"),
                        "https://api.kolada.se/v2/data/kpi/N15428/municipality/0665,0000,0006/year/" + period.substring(0, 4),
                        Instant.parse("2023-03-01T10:15:30Z"), Map.of("0665", value, "0000", BigDecimal.ONE)),
                null);
    }

    /**
     * One measurement of the busiest indicator through {@code POST /api/admin/indicators/{id}/measurements}: the
     * verdict the aggregate stores must equal the one {@link IndicatorMirror} computes for the same measurement.
     */
    static void checkAgainstTheAggregate(Support.Api api, EventStore store, TransactionManager tx,
                                         Map<String, IndicatorMirror> mirrors, String id, int nth) {
        Random random = new Random(nth);
        MeasurementRecorded m = measurement(id, nth, random);
        String json = """
                {"period": "%s", "value": %s, "dataPeriod": "%s", "referenceValues": {"NATIONAL": %s, "COUNTY": %s},
                 "source": {"kind": "KOLADA", "kpi": "N15428"}}""".formatted(m.period(), m.value().toPlainString(),
                m.dataPeriod(), m.referenceValues().get(ReferenceArea.NATIONAL).toPlainString(),
                m.referenceValues().get(ReferenceArea.COUNTY).toPlainString());
        long t0 = System.nanoTime();
        api.expect(201, api.post("/api/admin/indicators/" + id + "/measurements", json));
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<DomainEventMessage<?>> last = new ArrayList<>();
        IndicatorMirror mirror = mirrors.get(id);
        tx.executeInTransaction(() -> store.readEvents(id, mirror.nextSequence).asStream().forEach(last::add));
        if (last.size() != 2 || !(last.get(0).getPayload() instanceof MeasurementRecorded stored)
                || !(last.get(1).getPayload() instanceof FulfilmentComputed real)) {
            throw new IllegalStateException("expected MeasurementRecorded + FulfilmentComputed at " + id + "/"
                    + mirror.nextSequence + ", found " + last.stream().map(e -> e.getPayloadType().getSimpleName()).toList());
        }
        FulfilmentComputed mirrored = mirror.record(stored);
        if (!mirrored.equals(real)) {
            throw new IllegalStateException("the mirrored verdict differs from the aggregate's:\n  aggregate " + real
                    + "\n  mirror    " + mirrored);
        }
        Support.log("check: a real RecordMeasurement on %s (%d earlier events, %.2f s through HTTP) stored a "
                        + "FulfilmentComputed equal to the mirrored one (%s, based on %s)", id,
                mirror.nextSequence, seconds, real.assessment().verdict(), real.assessment().basedOnPeriod());
    }
}
