package se.malspar.platform.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code malspar-platform.yml} as the lowest-precedence property source of every Målspår
 * application (command side, query side, standalone), so the settings they must share live in
 * one file and each application's own {@code application.yml} can still override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    private static final String HIKARI_ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Hikari checks a pooled connection before lending it only if it was idle for 500 ms: a
        // backend terminated in between (a PostgreSQL restart, pg_terminate_backend) would fail the
        // request. 0 checks every time (one round trip on loopback). Read once, before any pool exists.
        if (System.getProperty(HIKARI_ALIVE_BYPASS) == null) {
            System.setProperty(HIKARI_ALIVE_BYPASS, "0");
        }
        try {
            var sources = new YamlPropertySourceLoader()
                    .load("malspar-platform", new ClassPathResource("malspar-platform.yml"));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
