package se.malspar.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision writes honour {@code Idempotency-Key} like every other write: a retry with the same key
 * and body gets the first answer again and writes nothing; the same key with another body is
 * refused with 422 IDEMPOTENCY_KEY_REUSED and writes nothing.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class DecisionIdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    /** Paragraphs 1–9999 of a meeting day no other test uses. */
    private static String freshDay() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 28 * 12);
        return "1997-%02d-%02d".formatted(1 + n / 28, 1 + n % 28);
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregate).query(Long.class).single();
    }

    private ApiClient.Response post(String path, String body, String key) {
        return api.send("strategy", "POST", path, body, Map.of("Idempotency-Key", key));
    }

    @Test
    void aRegistrationRetriedWithItsKeyGetsTheFirstAnswerAndAnotherBodyIsRefused() {
        String day = freshDay();
        String key = "reg-" + UUID.randomUUID();
        String body = "{\"citation\": \"KS " + day + " § 1\", \"title\": \"Första\"}";
        String id = "ks-" + day + "-p1";

        var first = post("/api/admin/decisions", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var retry = post("/api/admin/decisions", body, key);
        assertThat(retry.status()).as("a retry after a timeout: " + retry).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(eventsOf(id)).isEqualTo(1);

        for (int p = 2; p <= 6; p++) {
            var other = post("/api/admin/decisions", "{\"citation\": \"KS " + day + " § " + p + "\", \"title\": \"Annan\"}", key);
            assertThat(other.status()).as(other.toString()).isEqualTo(422);
            assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(eventsOf("ks-" + day + "-p" + p)).isZero();
        }
    }

    @Test
    void aCorrectionRetriedWithItsKeyIsRecordedOnce() {
        String day = freshDay();
        String id = "ks-" + day + "-p2";
        assertThat(api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KS " + day + " § 2\", \"title\": \"Rubrik\"}").status()).isEqualTo(201);
        String key = "corr-" + UUID.randomUUID();
        String body = "{\"title\": \"Rättad rubrik\", \"reason\": \"stavfel i protokollet\"}";

        var first = post("/api/admin/decisions/" + id + "/corrections", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var retry = post("/api/admin/decisions/" + id + "/corrections", body, key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(eventsOf(id)).isEqualTo(2);

        var other = post("/api/admin/decisions/" + id + "/corrections",
                "{\"title\": \"Annan rubrik\", \"reason\": \"stavfel\"}", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf(id)).isEqualTo(2);
    }
}
