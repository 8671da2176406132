package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the event store table directly, as an auditor with SQL access would. */
final class EventStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    /** The metadata of every event of one aggregate, oldest first (bytea holding JSON). */
    List<JsonNode> metaDataOf(String aggregateId) {
        return column("meta_data", aggregateId);
    }

    List<JsonNode> payloadsOf(String aggregateId) {
        return column("payload", aggregateId);
    }

    private List<JsonNode> column(String column, String aggregateId) {
        return jdbc.sql("select " + column + " from domain_event_entry where aggregate_identifier = :id order by sequence_number")
                .param("id", aggregateId)
                .query((rs, row) -> parse(rs.getBytes(1)))
                .list();
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
