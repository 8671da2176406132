package se.malspar.standalone.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail serves every number of a payload and its metadata exactly as stored: no
 * Infinity for 1E+400, no 0.0 for 1E-400, no rounding after 17 digits, scale kept. The API cannot
 * produce such numbers any more, so the event is published at the kernel level (an event type no
 * read model handles).
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class AuditTrailExactNumbersTest {

    private static final ObjectMapper EXACT = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Published only by this test. */
    record PreciseFiguresNoted(String marker, BigDecimal huge, BigDecimal tiny, BigDecimal precise,
                               BigDecimal trailingZeros, BigInteger count) {
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void payloadAndMetadataNumbersAreServedExactlyAsStored() throws Exception {
        String marker = UUID.randomUUID().toString();
        PreciseFiguresNoted event = new PreciseFiguresNoted(marker, new BigDecimal("1E+400"), new BigDecimal("-1E-400"),
                new BigDecimal("123456789012345.123456789012345678901"), new BigDecimal("81.200000"),
                new BigInteger("123456789012345678901234567890"));
        store.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.with("precise", new BigDecimal("0.1234567890123456789012345"))));

        long sequence = jdbc.sql("select global_index from domain_event_entry where payload_type like :type"
                        + " and convert_from(payload, 'UTF8') like :marker")
                .param("type", "%PreciseFiguresNoted").param("marker", "%" + marker + "%")
                .query(Long.class).single();
        JsonNode storedPayload = EXACT.readTree(jdbc.sql("select payload from domain_event_entry where global_index = :s")
                .param("s", sequence).query(byte[].class).single());
        JsonNode storedMetadata = EXACT.readTree(jdbc.sql("select meta_data from domain_event_entry where global_index = :s")
                .param("s", sequence).query(byte[].class).single());

        ApiClient.Response page = new ApiClient(port).get("auditor",
                "/api/audit/events?afterSequence=" + (sequence - 1) + "&limit=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode served = EXACT.readTree(page.body().getBytes(StandardCharsets.UTF_8)).get("events").get(0);
        assertThat(served.get("sequence").asLong()).isEqualTo(sequence);

        JsonNode payload = served.get("payload");
        assertThat(payload).isEqualTo(storedPayload);
        assertThat(payload.get("huge").decimalValue()).isEqualTo(new BigDecimal("1E+400"));
        assertThat(payload.get("tiny").decimalValue()).isEqualTo(new BigDecimal("-1E-400"));
        assertThat(payload.get("precise").decimalValue()).isEqualTo(new BigDecimal("123456789012345.123456789012345678901"));
        assertThat(payload.get("trailingZeros").decimalValue()).isEqualTo(new BigDecimal("81.200000"));
        assertThat(payload.get("count").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(page.body()).doesNotContain("Infinity");

        assertThat(served.get("metadata")).isEqualTo(storedMetadata);
        assertThat(served.get("metadata").get("precise").decimalValue())
                .isEqualTo(new BigDecimal("0.1234567890123456789012345"));
    }
}
