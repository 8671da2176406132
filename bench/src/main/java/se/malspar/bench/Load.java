package se.malspar.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Closed and open load loops; latencies in microseconds into HdrHistogram. */
final class Load {

    /** One request; returns true if it succeeded. */
    interface Request {
        boolean run(long n) throws Exception;
    }

    /** A request that did not succeed, with what it got instead ("HTTP 409 CONFLICT", an exception's class). */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    record Result(double rate, long ok, long failed, Histogram latency, boolean saturated, long notSent,
                  Map<String, Long> failures, Map<String, Double> cpuPerRequest, double machineBusy) {
        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%.0f req/s, ok %d, failed %d%s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%s",
                    rate, ok, failed, failures.isEmpty() ? "" : " " + failures, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0,
                    latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0,
                    saturated ? " — SATURATED: backlog exceeded, " + notSent + " scheduled requests never sent" : "");
        }

        String describeCpu() {
            StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "CPU ms per completed request (machine busy %.0f%% of %d cores): ", 100 * machineBusy,
                    Runtime.getRuntime().availableProcessors()));
            cpuPerRequest.forEach((role, ms) -> s.append(String.format(java.util.Locale.ROOT, "%s %.2f; ", role, ms)));
            return s.toString();
        }
    }

    private static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return e instanceof Failed ? e.getMessage() : t.getClass().getSimpleName();
    }

    private Load() {
    }

    /** True if the response has the expected status; otherwise fails with the status and the problem's code. */
    static boolean expect(java.net.http.HttpResponse<String> response, int status) throws Failed {
        if (response.statusCode() == status) {
            return true;
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(response.body());
        throw new Failed("HTTP " + response.statusCode() + (code.find() ? " " + code.group(1) : ""));
    }

    static Result closed(int threads, double seconds, Request request) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), counter = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Map<String, Long> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, CpuMeter.loadThreads());
        CpuMeter.Snapshot before = CpuMeter.take();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean success;
                    try {
                        success = request.run(counter.getAndIncrement());
                    } catch (Exception e) {
                        failures.merge(reason(e), 1L, Long::sum);
                        success = false;
                    }
                    histogram.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
                    (success ? ok : failed).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuMeter.Snapshot after = CpuMeter.take();
        return new Result(ok.get() / elapsed, ok.get(), failed.get(), histogram, false, 0, new TreeMap<>(failures),
                CpuMeter.perOperation(before, after, ok.get()), CpuMeter.machineBusy(before, after));
    }

    /**
     * Requests at a fixed rate, each measured from its intended start time (no coordinated omission). When more
     * than {@code maxBacklog} requests are outstanding the schedule is abandoned and the run marked saturated.
     */
    static Result open(double rate, double seconds, int threads, int maxBacklog, Request request) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicBoolean saturated = new AtomicBoolean();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, CpuMeter.loadThreads());
        CpuMeter.Snapshot before = CpuMeter.take();
        long total = (long) (rate * seconds);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 1_000_000;
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.get() > maxBacklog) {
                saturated.set(true);
                break;
            }
            outstanding.incrementAndGet();
            long n = i;
            pool.submit(() -> {
                boolean success;
                try {
                    success = request.run(n);
                } catch (Exception e) {
                    failures.merge(reason(e), 1L, Long::sum);
                    success = false;
                }
                histogram.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                (success ? ok : failed).incrementAndGet();
                outstanding.decrementAndGet();
            });
            sent++;
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuMeter.Snapshot after = CpuMeter.take();
        return new Result(ok.get() / elapsed, ok.get(), failed.get(), histogram, saturated.get(), total - sent,
                new TreeMap<>(failures), CpuMeter.perOperation(before, after, ok.get()), CpuMeter.machineBusy(before, after));
    }
}
