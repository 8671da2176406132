package se.malspar.standalone.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL backend that dies under a pooled connection (a crash, an operator's
 * pg_terminate_backend) costs no request: the pool checks a connection before it lends it out.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class TerminatedBackendTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void requestsAfterEveryPooledBackendWasTerminatedSucceed() {
        ApiClient api = new ApiClient(port);
        int paragraph = 1 + Math.floorMod(UUID.randomUUID().hashCode(), 9000);
        assertThat(api.post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KSAU 2018-09-12 § " + paragraph + "\", \"title\": \"Före\"}").status()).isEqualTo(201);

        // The application's role may signal its own backends: every other pooled connection dies.
        int terminated = jdbc.sql("""
                select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
                 where usename = current_user and pid <> pg_backend_pid()) t""").query(Integer.class).single();
        assertThat(terminated).isPositive();

        for (int i = 0; i < 10; i++) {
            var written = api.post("strategy", "/api/admin/decisions",
                    "{\"citation\": \"KSAU 2018-09-13 § " + (paragraph + i) + "\", \"title\": \"Efter\"}");
            assertThat(written.status()).as(written.toString()).isEqualTo(201);
            var read = api.get("auditor", "/api/decisions");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
        }
    }
}
