package se.malspar.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

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

    record Result(double rate, long ok, long failed, Histogram latency, boolean saturated, long notSent) {
        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%.0f req/s, ok %d, failed %d, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%s",
                    rate, ok, failed, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0,
                    saturated ? " — SATURATED: backlog exceeded, " + notSent + " scheduled requests never sent" : "");
        }
    }

    private Load() {
    }

    static Result closed(int threads, double seconds, Request request) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), counter = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean success;
                    try {
                        success = request.run(counter.getAndIncrement());
                    } catch (Exception e) {
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
        return new Result(ok.get() / elapsed, ok.get(), failed.get(), histogram, false, 0);
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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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
        return new Result(ok.get() / elapsed, ok.get(), failed.get(), histogram, saturated.get(), total - sent);
    }
}
