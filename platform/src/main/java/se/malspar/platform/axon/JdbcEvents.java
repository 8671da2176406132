package se.malspar.platform.axon;

import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Axon's JDBC event storage engine on the very tables the JPA engine uses (V1: snake_case columns,
 * bytea, {@code global_index} from its own sequence), for measuring the write path (issue 16,
 * BENCHMARKS.md): {@code malspar.events.storage-engine=jdbc}. It appends a command's events in one
 * JDBC batch that takes each {@code global_index} from the sequence inside the insert, where the
 * JPA engine asks for each number first (one round trip per event).
 */
final class JdbcEvents {

    private JdbcEvents() {
    }

    static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    static EventStorageEngine engine(org.axonframework.serialization.Serializer serializer,
                                     org.axonframework.config.Configuration configuration, DataSource dataSource,
                                     TransactionManager transactionManager, int readBatchSize) throws SQLException {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLErrorCodesResolver(dataSource))
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(schema())
                .dataType(byte[].class)
                .batchSize(readBatchSize)
                .appendEvents((connection, schema, dataType, events, eventSerializer, timestamps) -> {
                    PreparedStatement insert = connection.prepareStatement("insert into " + schema.domainEventTable()
                            + " (" + schema.globalIndexColumn() + ", " + schema.domainEventFields()
                            + ") values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    for (EventMessage<?> event : events) {
                        DomainEventMessage<?> e = event instanceof DomainEventMessage<?> d ? d
                                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
                        SerializedObject<?> payload = e.serializePayload(eventSerializer, dataType);
                        SerializedObject<?> metaData = e.serializeMetaData(eventSerializer, dataType);
                        insert.setString(1, e.getIdentifier());
                        insert.setString(2, e.getAggregateIdentifier());
                        insert.setLong(3, e.getSequenceNumber());
                        insert.setString(4, e.getType());
                        timestamps.writeTimestamp(insert, 5, e.getTimestamp());
                        insert.setString(6, payload.getType().getName());
                        insert.setString(7, payload.getType().getRevision());
                        insert.setObject(8, payload.getData());
                        insert.setObject(9, metaData.getData());
                        insert.addBatch();
                    }
                    return insert;
                })
                .build();
    }
}
