package se.malspar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where the CPU went during a load phase, so that a missed goal names its bottleneck: this JVM's
 * threads by role (request threads, event processors, the load generator), the rest of the JVM (JIT
 * compiler, GC), the PostgreSQL processes, and the whole machine.
 */
final class CpuMeter {

    static final String SERVER = "server: HTTP request threads (security, JSON, command handling, aggregate load, append, commit)";
    static final String PROCESSORS = "event processors (read models, event store reader)";
    static final String CLIENT = "load generator (in the same JVM)";
    static final String VM = "JVM itself: JIT compiler, GC, other";
    static final String JIT = "of which JIT compiler threads";
    static final String GC = "of which GC threads";
    static final String POSTGRES = "PostgreSQL processes";
    static final String ALLOCATED = "(not CPU) KB allocated by the HTTP request threads";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    /** CPU of the load generator's pool threads, added when each one ends. */
    private static final AtomicLong LOAD_THREADS_ENDED = new AtomicLong();

    record Snapshot(long wall, long process, Map<String, Long> byRole, long postgres, long machineBusy, long machineAll,
                    long jit, long gc, long serverAllocated) {
    }

    private CpuMeter() {
    }

    /** Threads for the load generator whose CPU time is counted even after they end. */
    static ThreadFactory loadThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(() -> {
            try {
                r.run();
            } finally {
                LOAD_THREADS_ENDED.addAndGet(THREADS.getCurrentThreadCpuTime());
            }
        }, "load-" + n.incrementAndGet());
    }

    static Snapshot take() {
        Map<String, Long> byRole = new LinkedHashMap<>();
        byRole.put(SERVER, 0L);
        byRole.put(PROCESSORS, 0L);
        byRole.put(CLIENT, LOAD_THREADS_ENDED.get());
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] allocated = ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(ids);
        long serverAllocated = 0;
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] == null || cpu < 0) {
                continue;
            }
            String name = infos[i].getThreadName();
            String role = name.startsWith("http-nio") ? SERVER
                    : name.startsWith("WorkPackage") || name.startsWith("Coordinator") || name.startsWith("EmbeddedEventStore")
                      || name.startsWith("event-store-watcher") ? PROCESSORS
                    : name.startsWith("load-") || name.startsWith("HttpClient") ? CLIENT
                    : null;
            if (role != null) {
                byRole.merge(role, cpu, Long::sum);
            }
            if (role == SERVER && allocated[i] > 0) {
                serverAllocated += allocated[i];
            }
        }
        long[] machine = machine();
        long[] vm = vmThreads();
        return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), byRole, postgres(), machine[0], machine[1], vm[0], vm[1],
                serverAllocated);
    }

    /**
     * CPU milliseconds per operation by consumer between two snapshots, and how busy the machine was.
     * Threads of this JVM that ended in between (other than the load generator's) are counted under
     * "JVM itself".
     */
    static Map<String, Double> perOperation(Snapshot a, Snapshot b, long operations) {
        Map<String, Double> result = new LinkedHashMap<>();
        long threads = 0;
        for (String role : b.byRole().keySet()) {
            long used = b.byRole().get(role) - a.byRole().getOrDefault(role, 0L);
            threads += used;
            result.put(role, ms(used, operations));
        }
        result.put(VM, ms(Math.max(0, (b.process() - a.process()) - threads), operations));
        result.put(JIT, ms(b.jit() - a.jit(), operations));
        result.put(GC, ms(b.gc() - a.gc(), operations));
        result.put(POSTGRES, ms(b.postgres() - a.postgres(), operations));
        result.put(ALLOCATED, operations <= 0 ? Double.NaN : (b.serverAllocated() - a.serverAllocated()) / 1024.0 / operations);
        return result;
    }

    /** Share of all cores busy between the snapshots (1.0 = every core all the time), from /proc/stat. */
    static double machineBusy(Snapshot a, Snapshot b) {
        long all = b.machineAll() - a.machineAll();
        return all <= 0 ? Double.NaN : (double) (b.machineBusy() - a.machineBusy()) / all;
    }

    private static double ms(long nanos, long operations) {
        return operations <= 0 ? Double.NaN : nanos / 1e6 / operations;
    }

    /** The data directory of this benchmark's own PostgreSQL (Support.start); null: every postgres process. */
    private static volatile String ownDataDir;

    static void ownPostgres(Path dataDir) {
        ownDataDir = dataDir.toAbsolutePath().normalize().toString();
    }

    /**
     * utime + stime of this benchmark's PostgreSQL (the server whose command line names its data
     * directory, and that server's backends), in nanoseconds. Other sessions' servers on a shared
     * machine are left out: until the third session of issue 16 every postgres process was counted.
     */
    private static long postgres() {
        Map<Long, long[]> procs = new java.util.HashMap<>(); // pid -> {ppid, ticks, 1 if it is our server}
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) all.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // after "pid (comm) ": state ppid ... utime is field 14 of stat, i.e. index 11 here
                    String dir = ownDataDir;
                    boolean server = dir == null || new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').contains(dir + "/");
                    procs.put(Long.parseLong(p.getFileName().toString()),
                            new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]), server ? 1 : 0});
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        long ticks = 0;
        for (long[] proc : procs.values()) {
            long[] server = proc[2] == 1 ? proc : procs.get(proc[0]); // a backend's parent is its server
            if (server != null && server[2] == 1) {
                ticks += proc[1];
            }
        }
        return ticks * TICK_NANOS;
    }

    /** {JIT compiler, GC} CPU of this JVM's own (non-Java) threads, in nanoseconds, from /proc/self/task. */
    private static long[] vmThreads() {
        long jit = 0, gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += ticks;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += ticks;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return new long[]{0, 0};
        }
        return new long[]{jit * TICK_NANOS, gc * TICK_NANOS};
    }

    /**
     * utime + stime of the postmaster {@code postmaster} and its children, in nanoseconds (StreamCpu: the
     * rebuild's own PostgreSQL, found by its postmaster.pid); 0 or less: as {@link #postgres()}.
     */
    static long postgres(long postmaster) {
        if (postmaster <= 0) {
            return postgres();
        }
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    if (Long.parseLong(f[1]) != postmaster && !p.getFileName().toString().equals(Long.toString(postmaster))) {
                        continue;
                    }
                    // after "pid (comm) ": state ppid ... utime is field 14 of stat, i.e. index 11 here
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * TICK_NANOS;
    }

    /** {busy, all} jiffies of the whole machine from the first line of /proc/stat. */
    static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0, idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            for (int i = 1; i < f.length; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[]{all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
