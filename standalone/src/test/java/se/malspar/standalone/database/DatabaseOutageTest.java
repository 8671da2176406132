package se.malspar.standalone.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.database.EmbeddedDatabase;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database that is gone for good: requests get 503 DATABASE_UNAVAILABLE with Retry-After
 * within a few seconds, health answers DOWN (never an error), and once the embedded PostgreSQL
 * cannot be restarted, liveness is DOWN so a supervisor restarts the whole application.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = "malspar.embedded-postgres.max-restarts=0")
class DatabaseOutageTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedDatabase database;

    @Test
    void withoutItsDatabaseTheApplicationAnswers503AndReportsItselfDownAndBroken() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);

        ProcessHandle.of(database.postmasterPid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(null, "/actuator/health/liveness").status() == 503);

        long started = System.nanoTime();
        var read = api.get("auditor", "/api/decisions");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(read.status()).as(read.toString()).isEqualTo(503);
        assertThat(read.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        var write = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"KSAU 2017-11-08 § 3\", \"title\": \"Utan databas\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");

        var readiness = api.get(null, "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        var operatorView = api.get("operator", "/actuator/health");
        assertThat(operatorView.status()).as(operatorView.toString()).isEqualTo(503);
        for (String component : new String[] {"eventProcessors", "db", "integrity"}) {
            assertThat(operatorView.json().path("components").path(component).path("status").asText())
                    .as(component + " in " + operatorView).isEqualTo("DOWN");
        }
    }
}
