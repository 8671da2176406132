package se.malspar.standalone.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.standalone.StandaloneApplication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Axon's JDBC event storage engine ({@code malspar.events.storage-engine=jdbc}, measured in
 * BENCHMARKS.md, issue 16) works on the JPA engine's tables as they are: a store one engine wrote
 * is read and continued by the other, in both directions, with one gap-free global index.
 */
class EventStorageEnginesShareTheStoreTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String engine) {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--malspar.data-dir=" + dataDir, "--malspar.seed-history=false",
                        "--malspar.events.storage-engine=" + engine);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static void register(ConfigurableApplicationContext app, String citation, String id) {
        var created = api(app).post("strategy", "/api/admin/decisions",
                "{\"citation\": \"" + citation + "\", \"title\": \"Beslut " + citation + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api(app).get("auditor", "/api/decisions/" + id).status() == 200);
    }

    @Test
    void aStoreWrittenByOneEngineIsReadAndContinuedByTheOther() {
        try (ConfigurableApplicationContext jpa = start("jpa")) {
            register(jpa, "KS 2021-04-14 § 61", "ks-2021-04-14-p61");
        }
        try (ConfigurableApplicationContext jdbc = start("jdbc")) {
            assertThat(api(jdbc).get("auditor", "/api/decisions/ks-2021-04-14-p61").status()).isEqualTo(200);
            // The JPA engine's event is loaded by the JDBC engine: a second registration is a duplicate.
            assertThat(api(jdbc).post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2021-04-14 § 61\", \"title\": \"igen\"}").status()).isEqualTo(409);
            register(jdbc, "KS 2021-05-12 § 77", "ks-2021-05-12-p77");
        }
        try (ConfigurableApplicationContext jpa = start("jpa")) {
            assertThat(api(jpa).get("auditor", "/api/decisions/ks-2021-05-12-p77").status()).isEqualTo(200);
            assertThat(api(jpa).post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KS 2021-05-12 § 77\", \"title\": \"igen\"}").status()).isEqualTo(409);
            List<Long> globalIndexes = jpa.getBean(JdbcClient.class)
                    .sql("select global_index from domain_event_entry order by global_index").query(Long.class).list();
            assertThat(globalIndexes).hasSize(2).containsExactly(globalIndexes.get(0), globalIndexes.get(0) + 1);
        }
    }
}
