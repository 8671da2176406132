package se.malspar.standalone.faults;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Clients registering decisions as fast as they get answers, each write with its own citation and
 * Idempotency-Key; the client ledger keeps every write that was acknowledged (2xx).
 */
final class WriteLoad implements AutoCloseable {

    private final List<FaultClient> clients;
    private final String meetingDate;
    private final AtomicInteger paragraphs = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads;
    /** decisionId → Idempotency-Key of every acknowledged write. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Queue<FaultClient.Outcome> outcomes = new ConcurrentLinkedQueue<>();

    WriteLoad(FaultClient client, String meetingDate, int writers) {
        this(List.of(client), meetingDate, writers);
    }

    /** Each write to the next of the clients in turn (several processes of one side). */
    WriteLoad(List<FaultClient> clients, String meetingDate, int writers) {
        this.clients = clients;
        this.meetingDate = meetingDate;
        this.threads = IntStream.range(0, writers).mapToObj(i -> {
            Thread t = new Thread(this::write, "writer-" + i);
            t.start();
            return t;
        }).toList();
    }

    private void write() {
        while (running.get()) {
            int paragraph = paragraphs.incrementAndGet();
            if (paragraph > 9999) {
                return;
            }
            String key = "fault-" + meetingDate + "-" + paragraph;
            FaultClient.Outcome outcome = clients.get(paragraph % clients.size()).send("POST", "/api/admin/decisions",
                    "{\"citation\": \"KSAU " + meetingDate + " § " + paragraph + "\", \"title\": \"Felprov " + paragraph + "\"}", key);
            outcomes.add(outcome);
            if (outcome.status() >= 200 && outcome.status() < 300) {
                acknowledged.put("ksau-" + meetingDate + "-p" + paragraph, key);
            }
            if (outcome.status() <= 0 || outcome.status() == 503) {
                ApplicationProcess.sleep(java.time.Duration.ofMillis(100));
            }
        }
    }

    long count(int status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    long acknowledgedAfter(long nanos) {
        return outcomes.stream().filter(o -> o.startedNanos() > nanos && o.status() >= 200 && o.status() < 300).count();
    }

    void stop() {
        running.set(false);
        threads.forEach(t -> {
            try {
                t.join(70_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        stop();
    }
}
