package se.malspar.platform.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives each test application context its own embedded PostgreSQL data directory, so cached
 * contexts never share (and lock) one. A test that names {@code malspar.data-dir} itself (to
 * restart on the same data) keeps its own. It also keeps the demo profile's history import off
 * ({@code malspar.seed-history=false}) unless the test names that property itself.
 */
public class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var inlined = context.getEnvironment().getPropertySources().get("Inlined Test Properties");
        if (inlined == null || !inlined.containsProperty("malspar.seed-history")) {
            // The demo profile imports the Vaggeryd history into an empty store; tests start empty
            // unless they ask for it (properties = "malspar.seed-history=on-empty").
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("malsparTestNoHistory", Map.of("malspar.seed-history", "false")));
        }
        // Cached test contexts all close when the test JVM exits: do not wait 5 s for each.
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("malsparTestShutdown",
                Map.of("malspar.lifecycle.phase-timeout", "500ms", "server.shutdown", "immediate")));
        if (inlined != null && inlined.containsProperty("malspar.data-dir")) {
            return;
        }
        try {
            // Under target/ (the module directory is the working directory of tests): mvn clean removes them.
            Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(Path.of("target"), "malspar-test-");
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("malsparTestDataDir", Map.of("malspar.data-dir", dir.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
