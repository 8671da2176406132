package se.malspar.standalone.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.json} — the document the build generates the Java client from
 * (openapi-generator, see standalone/pom.xml) and integrators can take from the repository — is
 * exactly what the running application serves at {@code /v3/api-docs}. When the API changes, this
 * fails and says how to refresh the snapshot: run it with {@code -Dmalspar.openapi.update=true},
 * which writes the live document there first (and then still compares).
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("..", "docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @LocalServerPort
    int port;

    @Test
    void theCommittedSnapshotIsTheLiveDocument() throws IOException {
        ApiClient.Response response = new ApiClient(port).get("auditor", "/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String live = canonical(JSON.readTree(response.body()));
        if (Boolean.getBoolean("malspar.openapi.update")) {
            Files.writeString(SNAPSHOT, live, StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT).as("the snapshot %s", SNAPSHOT.toAbsolutePath().normalize()).exists();
        assertThat(canonical(JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))))
                .as("docs/openapi.json is out of date: refresh it with ./mvnw -B -ntp -pl standalone -am verify "
                        + "-Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dmalspar.openapi.update=true, "
                        + "review the diff and commit it with the change")
                .isEqualTo(live);
    }

    /** Keys sorted, two-space indented, one final newline: a diff of the snapshot shows the API's change. */
    private static String canonical(JsonNode document) throws IOException {
        Object tree = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }
}
