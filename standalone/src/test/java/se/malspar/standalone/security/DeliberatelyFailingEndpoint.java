package se.malspar.standalone.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Test-only: a read endpoint whose query is broken, so it fails with an exception full of
 * internals (SQL text, a table name, driver and Spring class names) that must never reach a
 * response. Under {@code GET /api/**}, so the role matrix treats it like any other read.
 */
@RestController
class DeliberatelyFailingEndpoint {

    static final String PATH = "/api/test-only/unexpected-failure";
    static final String SECRET_TABLE = "no_such_secret_table";

    private final JdbcClient jdbc;

    DeliberatelyFailingEndpoint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(PATH)
    List<Map<String, Object>> fail() {
        return jdbc.sql("select password_hash from " + SECRET_TABLE + " where user_id = 'strategy'").query().listOfRows();
    }
}
