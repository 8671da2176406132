package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon writes and reads events and messages with the platform's event mapper (tolerant of fields
 * later revisions add), never with the web layer's strict one. In the security tests' shared context.
 */
@SecurityTestApplication
class EventSerializerTest {

    @Autowired
    ObjectMapper web;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messages;
    @Autowired
    Serializer general;

    @Test
    void everyAxonSerializerIsTheEventMapperNotTheWebOne() {
        assertThat(events).isSameAs(messages).isSameAs(general).isInstanceOf(JacksonSerializer.class);
        ObjectMapper mapper = ((JacksonSerializer) events).getObjectMapper();
        assertThat(mapper).isNotSameAs(web);
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThat(web.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    }
}
