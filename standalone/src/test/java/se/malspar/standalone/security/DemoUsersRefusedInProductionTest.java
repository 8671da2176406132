package se.malspar.standalone.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.standalone.StandaloneApplication;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo users (one shared, known password) must never exist in production. */
class DemoUsersRefusedInProductionTest {

    @Test
    void applicationRefusesToStartWithBothDemoAndProdProfiles(@TempDir Path dataDir) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(StandaloneApplication.class)
                .profiles("demo", "prod")
                .properties("spring.main.register-shutdown-hook=false");
        // As arguments: the platform defaults (malspar-platform.yml) outrank the builder's default properties.
        String[] arguments = {"--malspar.data-dir=" + dataDir, "--server.port=0"};

        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = application.run(arguments)) {
                assertThat(started).as("an application that started at all").isNull();
            }
        }).satisfies(failure -> {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(IllegalStateException.class);
            assertThat(root.getMessage()).contains("demo").contains("prod");
        });
    }
}
