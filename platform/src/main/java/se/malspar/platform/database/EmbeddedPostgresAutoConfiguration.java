package se.malspar.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Starts a real PostgreSQL (embedded binaries) when no {@code spring.datasource.url} is given.
 * Its data directory ({@code MALSPAR_DATA_DIR}, default {@code ./data}) is kept between runs,
 * so a restart keeps every event. The application connects as {@value EmbeddedDatabase#APP_ROLE},
 * Flyway as {@value EmbeddedDatabase#OWNER_ROLE} (see {@link EmbeddedDatabase}).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresAutoConfiguration {

    /**
     * Closed after every bean that uses the database (they all depend on it): PostgreSQL stops last.
     * Normally already starting since before the context was built ({@link EarlyEmbeddedDatabase}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment env, ApplicationEventPublisher events,
                                      ObjectProvider<EarlyEmbeddedDatabase.Start> early) {
        EarlyEmbeddedDatabase.Start started = early.getIfAvailable();
        return started != null ? started.take() : start(env, events);
    }

    static EmbeddedDatabase start(Environment env, ApplicationEventPublisher events) {
        Path dataDir = Path.of(env.getProperty("malspar.data-dir", "./data")).toAbsolutePath().normalize();
        return new EmbeddedDatabase(dataDir,
                env.getProperty("malspar.embedded-postgres.port", Integer.class, 0),
                env.getProperty("malspar.embedded-postgres.max-restarts", Integer.class, 5),
                env.getProperty("malspar.embedded-postgres.watch-interval", Duration.class, Duration.ofSeconds(1)),
                // The database cannot be brought back: liveness DOWN, so a supervisor restarts the whole.
                () -> AvailabilityChangeEvent.publish(events, EmbeddedDatabase.class, LivenessState.BROKEN));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase db, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("malspar-embedded");
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(EmbeddedDatabase.APP_ROLE);
        config.setPassword(db.appPassword());
        config.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        config.setConnectionTimeout(env.getProperty("spring.datasource.hikari.connection-timeout", Duration.class,
                Duration.ofSeconds(2)).toMillis());
        config.setValidationTimeout(env.getProperty("spring.datasource.hikari.validation-timeout", Duration.class,
                Duration.ofSeconds(1)).toMillis());
        // Start even if the database is briefly away; requests get 503 until it is back.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Flyway migrates as the owner of the schema, not as the application. */
    @Bean
    FlywayConfigurationCustomizer embeddedFlywayAsOwner(EmbeddedDatabase db) {
        return configuration -> configuration.dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE, db.ownerPassword());
    }
}
