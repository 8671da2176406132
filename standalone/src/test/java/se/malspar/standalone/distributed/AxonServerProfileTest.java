package se.malspar.standalone.distributed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.malspar.command.CommandSideApplication;

import java.nio.file.Path;

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
}
