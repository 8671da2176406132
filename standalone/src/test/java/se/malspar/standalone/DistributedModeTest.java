package se.malspar.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.malspar.command.CommandSideApplication;
import se.malspar.platform.test.ApiClient;
import se.malspar.query.QuerySideApplication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The distributed layout without Axon Server: command side and query side as two applications
 * (each with its own event store, pool and processors) on one PostgreSQL. The query side's poll
 * is set to an hour, so only the command side's NOTIFY can tell it of new events in time.
 */
class DistributedModeTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        commandSide = run(CommandSideApplication.class, url, "1h");
        querySide = run(QuerySideApplication.class, url, "1h");
    }

    private static ConfigurableApplicationContext run(Class<?> application, String url, String fetchDelay) {
        return new SpringApplicationBuilder(application)
                .profiles("demo")
                // Command-line arguments: they win over each application's own application.yml.
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--malspar.events.fetch-delay=" + fetchDelay);
    }

    @AfterAll
    static void stop() throws Exception {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void eventsWrittenByTheCommandSideReachTheQuerySideThroughNotifyNotThroughItsHourlyPoll() {
        var created = api(commandSide).post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KSAU 2022-02-23 § 38\", \"title\": \"Uppdrag: uppdaterad ambitionsnivå\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var entry = await().atMost(Duration.ofSeconds(15)).until(
                () -> api(querySide).get("auditor", "/api/decisions/ksau-2022-02-23-p38"),
                r -> r.status() == 200);
        assertThat(entry.json().get("registeredBy").asText()).isEqualTo("strategy");
    }

    @Test
    void eachSideServesOnlyItsOwnApi() {
        assertThat(api(commandSide).get("auditor", "/api/decisions").status()).isEqualTo(404);
        assertThat(api(querySide).post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KS 2022-03-09 § 70\", \"title\": \"t\"}").status()).isEqualTo(404);
    }
}
