package se.malspar.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.MeasurementRecorded;
import se.malspar.kernel.programme.MeasurementSource;
import se.malspar.kernel.programme.ReferenceArea;
import se.malspar.kernel.programme.SourceKind;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * 1. Rebuild: a store of N events (default 1,000,000), every read model replayed; compared in the same run with a
 * plain ordered JDBC read of the same events (without and with Jackson deserialization), and with Axon's defaults.
 * <p>
 * Arguments: {@code [events=1000000] [runs=3] [configs=tuned,defaults]}.
 */
public final class RebuildBenchmark {

    static final int INDICATORS = Integer.getInteger("bench.indicators", 1000);
    static final double ZIPF_S = 0.7;

    public static void main(String[] argv) throws Exception {
        int events = argv.length > 0 ? Integer.parseInt(argv[0]) : 1_000_000;
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 3;
        List<String> configs = Arrays.asList((argv.length > 2 ? argv[2] : "tuned,defaults").split(","));
        long replayTimeoutSeconds = Long.parseLong(System.getProperty("bench.replayTimeout", "900"));
        Path dir = Path.of("bench/target/store-" + events);
        if (!Files.exists(dir.resolve("generated"))) {
            generate(dir, events);
        }
        Map<String, String[]> settings = new LinkedHashMap<>();
        settings.put("tuned", new String[0]); // the application's own settings (malspar-platform.yml)
        settings.put("defaults", new String[]{"--malspar.processors.batch-size=1", "--malspar.processors.segments=1",
                "--malspar.events.read-batch-size=100", "--malspar.processors.token-claim-interval=5s"});
        for (String config : configs) {
            try (ConfigurableApplicationContext ctx = Support.start(dir, settings.get(config))) {
                Support.log("== rebuild, configuration '%s': %s", config, String.join(" ", settings.get(config)));
                Support.log("processors: batch-size=%s segments=%s token-claim-interval=%s events.read-batch-size=%s",
                        ctx.getEnvironment().getProperty("malspar.processors.batch-size"),
                        ctx.getEnvironment().getProperty("malspar.processors.segments"),
                        ctx.getEnvironment().getProperty("malspar.processors.token-claim-interval"),
                        ctx.getEnvironment().getProperty("malspar.events.read-batch-size", "1000"));
                Support.machine(ctx);
                run(ctx, runs, replayTimeoutSeconds);
                guardRails(ctx);
            }
        }
        System.exit(0);
    }

    static void run(ConfigurableApplicationContext ctx, int runs, long timeoutSeconds) throws Exception {
        Support.Api api = new Support.Api(Support.port(ctx));
        JdbcTemplate jdbc = Support.jdbc(ctx);
        long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Support.log("events in store: %d", count);
        long t0 = System.nanoTime();
        waitForLagZero(api, null, timeoutSeconds);
        Support.log("caught up after start in %.1f s", (System.nanoTime() - t0) / 1e9);
        List<Double> plain = new ArrayList<>(), deser = new ArrayList<>(), rebuild = new ArrayList<>(),
                ratioPlain = new ArrayList<>(), ratioDeser = new ArrayList<>(), heap = new ArrayList<>();
        Map<String, List<Double>> perProjection = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            double p = plainRead(ctx, false);
            double d = plainRead(ctx, true);
            Support.resetHeapPeak();
            Map<String, Double> seconds = replayAll(api, timeoutSeconds);
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double rate = count / total;
            heap.add((double) Support.heapPeakMiB());
            Support.log("run %d: plain read %.0f ev/s, read+Jackson %.0f ev/s, rebuild all %.0f ev/s (%.1f s) %s, heap peak %.0f MiB",
                    r, p, d, rate, total, seconds, heap.get(heap.size() - 1));
            plain.add(p);
            deser.add(d);
            rebuild.add(rate);
            ratioPlain.add(rate / p);
            ratioDeser.add(rate / d);
            seconds.forEach((name, s) -> perProjection.computeIfAbsent(name, n -> new ArrayList<>()).add(count / s));
        }
        Support.log("RESULT plain ordered read (JDBC, fetch size 5000): %s ev/s", Support.summary(plain, "%.0f"));
        Support.log("RESULT plain read + Jackson deserialization:      %s ev/s", Support.summary(deser, "%.0f"));
        Support.log("RESULT rebuild of every read model (all at once):  %s ev/s", Support.summary(rebuild, "%.0f"));
        Support.log("RESULT ratio rebuild / plain read:                 %s", Support.summary(ratioPlain, "%.3f"));
        Support.log("RESULT ratio rebuild / read+Jackson:               %s", Support.summary(ratioDeser, "%.3f"));
        perProjection.forEach((name, rates) -> Support.log("RESULT   %s alone reached lag 0 at: %s ev/s", name,
                Support.summary(rates, "%.0f")));
        Support.log("RESULT heap peak during rebuild (sum of heap pool peaks): %s MiB", Support.summary(heap, "%.0f"));
    }

    /** Streams every event in order: returns events/s. */
    static double plainRead(ConfigurableApplicationContext ctx, boolean deserialize) throws Exception {
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

    /** Replays every read model that supports it, all at once; returns seconds until each reached lag 0. */
    static Map<String, Double> replayAll(Support.Api api, long timeoutSeconds) throws Exception {
        JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
        List<String> replayed = new ArrayList<>();
        long start = System.nanoTime();
        for (JsonNode p : list) {
            String name = p.get("name").asText();
            var response = api.send("operator", "POST", "/api/admin/projections/" + name + "/replay", null);
            if (response.statusCode() == 202) {
                replayed.add(name);
            } else {
                Support.log("replay of %s refused: %d %s", name, response.statusCode(), response.body());
            }
        }
        return waitForLagZero(api, replayed, timeoutSeconds, start);
    }

    static Map<String, Double> waitForLagZero(Support.Api api, List<String> names, long timeoutSeconds) throws Exception {
        return waitForLagZero(api, names, timeoutSeconds, System.nanoTime());
    }

    static Map<String, Double> waitForLagZero(Support.Api api, List<String> names, long timeoutSeconds, long start)
            throws Exception {
        Map<String, Double> done = new LinkedHashMap<>();
        while (true) {
            Thread.sleep(50);
            JsonNode list = api.json(api.expect(200, api.send("operator", "GET", "/api/admin/projections", null)));
            boolean all = true;
            for (JsonNode p : list) {
                String name = p.get("name").asText();
                if (names != null && !names.contains(name)) {
                    continue;
                }
                // finished: running, every segment claimed, and the lowest segment position at the head of the store
                boolean claimed = true;
                for (JsonNode segment : p.path("segments")) {
                    claimed &= segment.path("claimed").asBoolean(false);
                }
                boolean finished = "RUNNING".equals(p.get("state").asText()) && claimed && p.path("segments").size() > 0
                        && !p.path("position").isNull() && !p.path("head").isNull()
                        && p.get("position").asLong() >= p.get("head").asLong() && p.get("lag").asLong() == 0;
                if (finished) {
                    done.putIfAbsent(name, (System.nanoTime() - start) / 1e9);
                } else {
                    all = false;
                    if ("ERROR".equals(p.get("state").asText())) {
                        throw new IllegalStateException("projection in error: " + p);
                    }
                }
            }
            if (all) {
                return done;
            }
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("timeout after " + timeoutSeconds + " s: " + list);
            }
        }
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
     * The structure (programme, 4 goals, 20 delmål, 2,000 indicators each with an ambition level) through the real
     * admin API; then measurements, Zipf-distributed over the indicators, appended in batches through Axon's own
     * EventStore (its serializer, its table, correct aggregate sequence numbers), processors stopped meanwhile.
     */
    static void generate(Path dir, int events) throws Exception {
        Support.log("== generating a store of %d events in %s", events, dir);
        try (ConfigurableApplicationContext ctx = Support.start(dir)) {
            Support.Api api = new Support.Api(Support.port(ctx));
            long t0 = System.nanoTime();
            List<String> indicators = Support.buildProgramme(api, "bench", INDICATORS);
            Support.log("structure through the admin API: %d indicators in %.1f s", INDICATORS, (System.nanoTime() - t0) / 1e9);
            EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
            RebuildBenchmark.waitForLagZero(api, null, 600);
            processing.eventProcessors().values().forEach(p -> p.shutDown());
            JdbcTemplate jdbc = Support.jdbc(ctx);
            long existing = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Map<String, Long> next = new HashMap<>();
            String type = null;
            for (var row : jdbc.queryForList("""
                    select aggregate_identifier a, max(sequence_number) s, min(type) t from domain_event_entry
                    where aggregate_identifier like 'kf%' group by aggregate_identifier""")) {
                next.put((String) row.get("a"), ((Number) row.get("s")).longValue() + 1);
            }
            for (String id : indicators) {
                var row = jdbc.queryForMap("select max(sequence_number) s, min(type) t from domain_event_entry where aggregate_identifier = ?", id);
                next.put(id, ((Number) row.get("s")).longValue() + 1);
                type = (String) row.get("t");
            }
            double[] cumulative = new double[indicators.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += 1 / Math.pow(i + 1, ZIPF_S);
                cumulative[i] = sum;
            }
            Random random = new Random(42);
            List<String> ranked = new ArrayList<>(indicators);
            java.util.Collections.shuffle(ranked, random);
            EventStore store = ctx.getBean(EventStore.class);
            TransactionManager tx = ctx.getBean(TransactionManager.class);
            int toWrite = (int) Math.max(0, events - existing);
            int batch = 5000;
            long t1 = System.nanoTime();
            Map<String, Integer> perIndicator = new HashMap<>();
            for (int written = 0; written < toWrite; written += batch) {
                List<EventMessage<?>> messages = new ArrayList<>(batch);
                for (int k = 0; k < Math.min(batch, toWrite - written); k++) {
                    int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    String id = ranked.get(Math.min(idx < 0 ? -idx - 1 : idx, ranked.size() - 1));
                    long seq = next.merge(id, 1L, Long::sum) - 1;
                    int nth = perIndicator.merge(id, 1, Integer::sum);
                    String period = (2000 + (nth / 3) % 30) + (nth % 3 == 0 ? "-T1" : nth % 3 == 1 ? "-T2" : "-AR");
                    BigDecimal value = BigDecimal.valueOf(random.nextInt(10000), 1);
                    MeasurementRecorded payload = new MeasurementRecorded(IndicatorId.of(id), period, value, null,
                            period.substring(0, 4), Map.of(ReferenceArea.NATIONAL, BigDecimal.valueOf(random.nextInt(10000), 1),
                            ReferenceArea.COUNTY, BigDecimal.valueOf(random.nextInt(10000), 1)),
                            new MeasurementSource(SourceKind.KOLADA, "N15428", List.of("0665", "0000", "0006"),
                                    "https://api.kolada.se/v2/data/kpi/N15428/municipality/0665,0000,0006/year/" + period.substring(0, 4),
                                    Instant.parse("2023-03-01T10:15:30Z"), Map.of("0665", value, "0000", BigDecimal.ONE)),
                            null);
                    String trace = UUID.randomUUID().toString();
                    messages.add(new GenericDomainEventMessage<>(type, id, seq, payload,
                            Map.of("userId", "strategy", "loginMode", "basic", "traceId", trace, "correlationId", trace)));
                }
                tx.executeInTransaction(() -> store.publish(messages));
                if ((written / batch) % 20 == 0) {
                    Support.log("  %d / %d appended, %.0f ev/s", written + messages.size(), toWrite,
                            (written + messages.size()) / ((System.nanoTime() - t1) / 1e9));
                }
            }
            Support.log("bulk append: %d events in %.1f s (%.0f ev/s)", toWrite, (System.nanoTime() - t1) / 1e9,
                    toWrite / ((System.nanoTime() - t1) / 1e9));
            List<Integer> sizes = new ArrayList<>(perIndicator.values());
            sizes.sort(java.util.Collections.reverseOrder());
            Support.log("measurements per indicator: max %d, 10th %d, 100th %d, median %d; indicators with >= 1000: %d",
                    sizes.get(0), sizes.get(9), sizes.get(99), sizes.get(sizes.size() / 2),
                    sizes.stream().filter(s -> s >= 1000).count());
        }
        Files.writeString(dir.resolve("generated"), Instant.now().toString());
    }
}
