package se.malspar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU of a rebuild goes, per read model: its pooled processor's coordinator thread
 * ({@code Coordinator[name]}: opens the event stream and reads it — the storage engine's query,
 * Hibernate's entities, building the messages — and hands the events to the work packages) against
 * its work package threads ({@code WorkPackage[name]}: deserialising the payloads a handler takes,
 * the handlers, the read model's SQL, the token updates and commits); plus PostgreSQL, the rest of
 * the JVM (JIT, GC) and the whole machine.
 */
final class StreamCpu {

    static final String READING = "reading";
    static final String HANDLING = "handling";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU nanoseconds by "processor/reading|handling", the process, PostgreSQL and the machine's jiffies. */
    record Snapshot(long wall, long process, long postgres, Map<String, Long> byThread, long http, long machineBusy,
                    long machineAll) {
    }

    /** The benchmark's own postmaster ({@link #usePostgresOf}); -1 counts every PostgreSQL process on the machine. */
    private static volatile long postmaster = -1;

    private StreamCpu() {
    }

    /** Counts the CPU of the application's own PostgreSQL only: the parent of one of its backends. */
    static void usePostgresOf(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        try {
            long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
            String stat = Files.readString(Path.of("/proc/" + backend + "/stat"));
            postmaster = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            postmaster = -1;
        }
    }

    static Snapshot take() {
        Map<String, Long> byThread = new TreeMap<>();
        long http = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] == null || cpu < 0) {
                continue;
            }
            String name = infos[i].getThreadName();
            if (name.startsWith("http-nio")) {
                http += cpu;
                continue;
            }
            int open = name.indexOf('['), close = name.indexOf(']');
            if (open < 0 || close < open) {
                continue;
            }
            String role = name.startsWith("Coordinator") ? READING : name.startsWith("WorkPackage") ? HANDLING : null;
            if (role != null) {
                byThread.merge(name.substring(open + 1, close) + "/" + role, cpu, Long::sum);
            }
        }
        long[] machine = CpuMeter.machine();
        return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), CpuMeter.postgres(postmaster), byThread, http, machine[0], machine[1]);
    }

    /** The split between two snapshots, in CPU seconds. */
    record Split(double wall, double reading, double handling, double postgres, double http, double jvmRest,
                 double machineBusy, Map<String, double[]> perProcessor) {

        String describe() {
            StringBuilder per = new StringBuilder();
            perProcessor.forEach((name, rh) -> per.append(String.format(Locale.ROOT, " %s %.1f/%.1f", name, rh[0], rh[1])));
            return String.format(Locale.ROOT, "wall %.1f s; CPU s: reading (coordinators) %.1f, handling (work packages) "
                            + "%.1f, PostgreSQL (this benchmark's server) %.1f, HTTP threads (the benchmark's status polls) %.1f, rest of "
                            + "the JVM (JIT, GC, …) %.1f; machine busy %.0f %%; per read model reading/handling:%s",
                    wall, reading, handling, postgres, http, jvmRest,
                    machineBusy * 100, per);
        }
    }

    static Split between(Snapshot a, Snapshot b) {
        Map<String, double[]> per = new TreeMap<>();
        double reading = 0, handling = 0;
        for (var e : b.byThread().entrySet()) {
            double used = (e.getValue() - a.byThread().getOrDefault(e.getKey(), 0L)) / 1e9;
            String[] key = e.getKey().split("/");
            double[] rh = per.computeIfAbsent(key[0], k -> new double[2]);
            if (key[1].equals(READING)) {
                rh[0] += used;
                reading += used;
            } else {
                rh[1] += used;
                handling += used;
            }
        }
        double process = (b.process() - a.process()) / 1e9;
        long all = b.machineAll() - a.machineAll();
        double http = (b.http() - a.http()) / 1e9;
        return new Split((b.wall() - a.wall()) / 1e9, reading, handling, (b.postgres() - a.postgres()) / 1e9, http,
                Math.max(0, process - reading - handling - http), all <= 0 ? Double.NaN : (double) (b.machineBusy() - a.machineBusy()) / all,
                per);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
