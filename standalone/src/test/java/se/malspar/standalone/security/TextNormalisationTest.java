package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;

import java.text.Normalizer;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "delmål" typed with a combining ring (as some keyboards and PDFs produce it) is stored and read as one "å". */
@SecurityTestApplication
class TextNormalisationTest {

    private static final String DECOMPOSED = "Nytt delma\u030al f\u00f6r tillga\u0308nglighet";
    private static final String COMPOSED = "Nytt delm\u00e5l f\u00f6r tillg\u00e4nglighet";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void decomposedTitleIsStoredAndReturnedComposed() {
        assertThat(Normalizer.isNormalized(DECOMPOSED, Normalizer.Form.NFC)).isFalse();
        ApiClient api = new ApiClient(port);
        int paragraph = Citations.freshParagraph();
        String id = Citations.decisionId(paragraph);

        Response created = api.post("strategy", "/api/admin/decisions", Citations.registration(paragraph, DECOMPOSED));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode stored = new EventStore(jdbc).payloadsOf(id).get(0);
        assertThat(stored.path("title").asText()).isEqualTo(COMPOSED);

        JsonNode read = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("auditor", "/api/decisions/" + id), r -> r.status() == 200).json();
        assertThat(read.path("title").asText()).isEqualTo(COMPOSED).contains("delm\u00e5l");
    }
}
