package se.malspar.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.platform.test.ApiClient;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded database keeps its data directory: a restarted application still has every event. */
class RestartKeepsEventsTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .profiles("demo")
                // Without the demo profile's history import: this test registers KS 2022-03-09 § 70 itself.
                .run("--server.port=0", "--malspar.data-dir=" + dataDir, "--malspar.seed-history=false");
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void decisionSurvivesARestartOnTheSameDataDirectory() {
        try (ConfigurableApplicationContext first = start()) {
            var created = api(first).post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2022-03-09 § 70\", \"title\": \"Nytt delmål Tillgänglighet under mål 4\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api(first).get("auditor", "/api/decisions/ks-2022-03-09-p70").status() == 200);
        }
        try (ConfigurableApplicationContext second = start()) {
            var entry = api(second).get("auditor", "/api/decisions/ks-2022-03-09-p70");
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.json().get("title").asText()).isEqualTo("Nytt delmål Tillgänglighet under mål 4");
            // The command side remembers it too: a second registration is still a duplicate.
            var again = api(second).post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2022-03-09 § 70\", \"title\": \"igen\"}");
            assertThat(again.status()).isEqualTo(409);
        }
    }
}
