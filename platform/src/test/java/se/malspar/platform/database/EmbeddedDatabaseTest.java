package se.malspar.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The keeper of the embedded PostgreSQL: a server that dies is restarted; one that cannot be is reported. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aPostmasterThatDiesIsRestartedOnTheSamePortWithTheSameData() throws Exception {
        try (EmbeddedDatabase db = new EmbeddedDatabase(dataDir, 0, 3, Duration.ofMillis(200), () -> { })) {
            long first = db.postmasterPid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> db.postmasterPid() != first && canConnect(db));
            try (var c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP_ROLE, db.appPassword());
                 var rs = c.createStatement().executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.APP_ROLE);
            }
        }
    }

    @Test
    void aPostmasterThatCannotBeRestartedIsReportedSoTheApplicationCanBeMarkedBroken() {
        AtomicBoolean broken = new AtomicBoolean();
        try (EmbeddedDatabase db = new EmbeddedDatabase(dataDir, 0, 0, Duration.ofMillis(200), () -> broken.set(true))) {
            ProcessHandle.of(db.postmasterPid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).untilTrue(broken);
        }
    }

    private static boolean canConnect(EmbeddedDatabase db) {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP_ROLE, db.appPassword())) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
