package se.malspar.standalone.distributed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.command.CommandSideApplication;
import se.malspar.platform.test.ApiClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the {@code axonserver} profile the events stay in PostgreSQL. Keeping them in Axon Server
 * instead would split one command's writes over two stores that cannot commit together, so that
 * combination refuses to start, saying why.
 */
class AxonServerProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsInAxonServerAreRefusedAtStartBecauseTheyCannotCommitWithTheLookupsAndIdempotencyKeys() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("axonserver", "demo")
                .run("--server.port=0", "--malspar.data-dir=" + dataDir, "--axon.axonserver.event-store.enabled=true",
                        "--axon.axonserver.servers=localhost:1"))
                .hasStackTraceContaining("axon.axonserver.event-store.enabled=true is not supported")
                .hasStackTraceContaining("same PostgreSQL transaction");
    }

    @Test
    void withoutAxonServerTheProcessStartsStaysAliveAndIsNotReadyUntilItCanConnect() {
        // Nothing listens on port 1: Axon Server is "not yet up". The process must not exit.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("axonserver", "demo")
                .run("--server.port=0", "--malspar.data-dir=" + dataDir, "--axon.axonserver.servers=localhost:1")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
            var readiness = api.get("operator", "/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            assertThat(readiness.body()).contains("axonServer");
        }
    }
}
