package se.malspar.query.programme;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Appends events to the store as the command side would (per aggregate, in sequence, with the
 * caller's metadata), so the query side's projections handle them as in production, and waits
 * until the programme read model has applied them.
 */
final class ProgrammeEvents {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final EventStore store;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Map<String, Long> sequences = new HashMap<>();
    private String lastEvent;

    ProgrammeEvents(EventStore store, TransactionTemplate transactions, JdbcClient jdbc) {
        this.store = store;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** A name no other test uses: the test's prefix and a number. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** A number no other test uses. */
    static int number() {
        return NAMES.incrementAndGet();
    }

    static DecisionReference decision(String id, String citation) {
        return new DecisionReference(new DecisionId(id), citation);
    }

    /** The metadata of a change recorded from a paper of that date. */
    static Map<String, Object> paper(String document, LocalDate documentDate) {
        Map<String, Object> meta = new HashMap<>(new Provenance.Source(document, "s. 1", "citat", documentDate).toMetaData());
        meta.put("userId", "strategy");
        return meta;
    }

    static Map<String, Object> noPaper() {
        return Map.of("userId", "strategy");
    }

    void publish(String aggregateId, Object event, Map<String, ?> metaData) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(event.getClass().getSimpleName(),
                aggregateId, sequence, event, MetaData.from(metaData));
        transactions.executeWithoutResult(tx -> store.publish(message));
        lastEvent = message.getIdentifier();
    }

    void publish(String aggregateId, Object event) {
        publish(aggregateId, event, noPaper());
    }

    /** Waits until the programme read model has applied the last event published here. */
    void awaitApplied() {
        awaitApplied("programme");
    }

    /** Waits until the read model has applied the last event published here (one it handles). */
    void awaitApplied(String readModel) {
        long last = jdbc.sql("select global_index from domain_event_entry where event_identifier = :id")
                .param("id", lastEvent).query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select coalesce(max(position), -1) from read_model_position where read_model = :model")
                .param("model", readModel).query(Long.class).single() >= last);
    }
}
