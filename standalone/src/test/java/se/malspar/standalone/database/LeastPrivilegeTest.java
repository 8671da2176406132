package se.malspar.standalone.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.database.EmbeddedDatabase;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own database connection may read and append events and nothing more: it is
 * neither the owner of the event table nor a superuser, so neither a bug nor an injected statement
 * can rewrite history or switch off the guard that refuses it. The embedded server takes passwords only.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class LeastPrivilegeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedDatabase database;
    @Value("${malspar.data-dir}")
    Path dataDir;

    private void appendAnEvent() {
        int paragraph = 1 + Math.floorMod(UUID.randomUUID().hashCode(), 9000);
        var created = new ApiClient(port).post("strategy", "/api/admin/decisions",
                "{\"citation\": \"KSAU 2019-05-15 § " + paragraph + "\", \"title\": \"Behörighetsprov\"}");
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
    }

    @Test
    void theApplicationRoleAppendsEventsButIsNeitherOwnerNorSuperuser() {
        appendAnEvent();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedDatabase.APP_ROLE);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'domain_event_entry'")
                .query(String.class).single()).isEqualTo(EmbeddedDatabase.OWNER_ROLE);
        assertThat(jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single()).isPositive();
    }

    @Test
    void theApplicationRoleCannotRewriteHistoryNorSwitchOffItsGuard() {
        appendAnEvent();
        assertRefused("update domain_event_entry set payload_type = 'x'", "permission denied");
        assertRefused("delete from domain_event_entry", "permission denied");
        assertRefused("truncate domain_event_entry", "permission denied");
        assertRefused("alter table domain_event_entry disable trigger domain_event_entry_append_only", "must be owner");
        assertRefused("alter table domain_event_entry disable trigger all", "must be owner");
        assertRefused("drop trigger domain_event_entry_append_only on domain_event_entry", "must be owner");
        assertRefused("set session_replication_role = replica", "permission denied");
        assertRefused("alter table domain_event_entry owner to " + EmbeddedDatabase.APP_ROLE, "must be owner");
        assertRefused("create table sneaky (id int)", "permission denied");
    }

    @Test
    void theOwnerIsStillStoppedByTheAppendOnlyTrigger() throws Exception {
        appendAnEvent();
        try (var owner = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE,
                passwords().getProperty(EmbeddedDatabase.OWNER_ROLE)); var s = owner.createStatement()) {
            assertThatThrownBy(() -> s.execute("update domain_event_entry set payload_type = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("delete from domain_event_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void tablesOfLaterMigrationsGiveTheApplicationReadAndWriteButNotOwnership() throws Exception {
        String table = "later_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (var owner = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE,
                passwords().getProperty(EmbeddedDatabase.OWNER_ROLE)); var s = owner.createStatement()) {
            s.execute("create table " + table + " (id bigserial primary key, v text)");
            try {
                jdbc.sql("insert into " + table + " (v) values ('a')").update();
                jdbc.sql("update " + table + " set v = 'b'").update();
                assertThat(jdbc.sql("select v from " + table).query(String.class).single()).isEqualTo("b");
                jdbc.sql("delete from " + table).update();
                assertRefused("alter table " + table + " add column w text", "must be owner");
            } finally {
                s.execute("drop table " + table);
            }
        }
    }

    @Test
    void theServerTakesPasswordsOnlyAndTheyStayPrivate() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP_ROLE, "wrong").close())
                .hasMessageContaining("password authentication failed");
        Path credentials = dataDir.resolve("database-credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).lines()
                .filter(l -> !l.strip().startsWith("#")).noneMatch(l -> l.contains("trust"))).isTrue();
        // The Unix socket (if any) lives in the data directory, which only its user can open.
        assertThat(jdbc.sql("show unix_socket_permissions").query(String.class).single()).isEqualTo("0700");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres"))))
                .isEqualTo("rwx------");
    }

    private Properties passwords() throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("database-credentials.properties"))) {
            p.load(in);
        }
        return p;
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause().hasMessageContaining(message);
    }
}
