package se.malspar.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.database.EmbeddedDatabase;
import se.malspar.platform.test.ApiClient;
import se.malspar.standalone.StandaloneApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data directory made by an earlier version (superuser {@code postgres}, {@code trust} login,
 * every table owned by {@code postgres}, migrations up to V7) keeps working: on the first start
 * it gets passwords, the two roles and an owner for every table.
 */
class TrustingDataDirectoryUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryOfTheTrustingVersionIsUpgradedAndKeepsItsTables() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database malspar");
            }
            Flyway.configure().dataSource(old.getDatabase("postgres", "malspar"))
                    .locations("classpath:db/migration").target("7").load().migrate();
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--malspar.data-dir=" + dataDir, "--malspar.seed-history=false",
                        "--malspar.lifecycle.phase-timeout=500ms")) {
            var api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
            var created = api.post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2020-06-10 § 81\", \"title\": \"Uppgradering\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> api.get("auditor", "/api/decisions/ks-2020-06-10-p81").status() == 200);

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<String> owners = jdbc.sql("""
                    select distinct pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'S')""").query(String.class).list();
            assertThat(owners).containsExactly(EmbeddedDatabase.OWNER_ROLE);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedDatabase.APP_ROLE);
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).lines()
                    .filter(l -> !l.strip().startsWith("#")).noneMatch(l -> l.contains("trust"))).isTrue();
        }
    }
}
