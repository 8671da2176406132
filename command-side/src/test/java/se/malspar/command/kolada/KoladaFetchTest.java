package se.malspar.command.kolada;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching: the URL built from configuration, switched off without a base URL, pages followed (loopback only). */
class KoladaFetchTest {

    @Test
    void theUrlIsBuiltFromTheConfiguredBaseUrlAndAreas() {
        KoladaClient client = new KoladaClient(properties(Map.of()));
        assertThat(client.configured()).isTrue();
        assertThat(client.url(List.of("N15428", "N17461"), List.of()))
                .isEqualTo("https://api.kolada.se/v3/data/kpi/N15428,N17461/municipality/0665,0000,0006");
        client = new KoladaClient(properties(Map.of("base-url", "http://kolada.example/v3/", "municipality", "0680")));
        assertThat(client.url(List.of("N15428"), List.of(2021, 2022)))
                .isEqualTo("http://kolada.example/v3/data/kpi/N15428/municipality/0680,0000,0006/year/2021,2022");
    }

    @Test
    void withoutABaseUrlFetchingIsSwitchedOffBeforeAnythingIsRead() {
        KoladaImportController controller = new KoladaImportController(null,
                new KoladaClient(properties(Map.of("base-url", ""))),
                Clock.systemUTC(), null);
        assertThatThrownBy(() -> controller.fetch("2022-AR", "N15428", null, null))
                .isInstanceOf(KoladaImportController.FetchingOff.class);
        assertThat(controller.fetchingOff(new KoladaImportController.FetchingOff()).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void followsNextUrlWithinTheBaseUrlAndRefusesAMalformedAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://localhost:" + server.getAddress().getPort() + "/v3";
        server.createContext("/v3/data", exchange -> {
            String query = exchange.getRequestURI().toString();
            String body;
            if (query.endsWith("page=2")) {
                body = "{\"values\": [{\"kpi\": \"N15428\", \"municipality\": \"0000\", \"period\": 2022, "
                        + "\"values\": [{\"gender\": \"T\", \"value\": 84.65}]}], \"next_url\": null}";
            } else if (query.contains("N99999")) {
                body = "{\"values\": [{\"kpi\": \"N99999\"}]}";
            } else {
                body = "{\"values\": [{\"kpi\": \"N15428\", \"municipality\": \"0665\", \"period\": 2022, "
                        + "\"values\": [{\"gender\": \"T\", \"value\": 81.2}]}], \"next_url\": \"" + base
                        + "/data/kpi/N15428/municipality/0665,0000,0006?page=2\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            KoladaClient client = new KoladaClient(properties(Map.of("base-url", base)));
            KoladaData data = client.fetch(client.url(List.of("N15428"), List.of()));
            assertThat(data.values()).extracting(KoladaValue::municipality).containsExactly("0665", "0000");
            assertThatThrownBy(() -> client.fetch(client.url(List.of("N99999"), List.of())))
                    .isInstanceOf(KoladaUnavailableException.class)
                    .hasMessageContaining("values[0].municipality: is missing");
            assertThatThrownBy(() -> client.fetch("http://elsewhere.example/v3/data"))
                    .isInstanceOf(KoladaUnavailableException.class)
                    .hasMessageContaining("leaves the configured base URL");
        } finally {
            server.stop(0);
        }
    }

    /**
     * A three-page answer whose second page fails: the whole fetch fails naming the page and the
     * status, so the importer never sees the first page (nothing is written).
     */
    @Test
    void aFailingPageInTheMiddleFailsTheWholeFetchNamingThePage() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://localhost:" + server.getAddress().getPort() + "/v3";
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/v3/data", exchange -> {
            String query = exchange.getRequestURI().toString();
            asked.add(query);
            int status = 200;
            String body;
            if (query.endsWith("page=2")) {
                status = 500;
                body = "{\"error\": \"internal\"}";
            } else if (query.endsWith("page=3")) {
                body = "{\"count\": 1, \"values\": [{\"kpi\": \"N15428\", \"municipality\": \"0006\", \"period\": 2022, "
                        + "\"values\": [{\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": 86.9, \"isdeleted\": false}]}], "
                        + "\"next_url\": null}";
            } else {
                body = "{\"count\": 1, \"values\": [{\"kpi\": \"N15428\", \"municipality\": \"0665\", \"period\": 2022, "
                        + "\"values\": [{\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": 81.2, \"isdeleted\": false}]}], "
                        + "\"next_url\": \"" + base + "/data/kpi/N15428/municipality/0665,0000,0006?page=2\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            KoladaClient client = new KoladaClient(properties(Map.of("base-url", base)));
            assertThatThrownBy(() -> client.fetch(client.url(List.of("N15428"), List.of())))
                    .isInstanceOf(KoladaUnavailableException.class)
                    .hasMessageContaining("HTTP 500 for page 2")
                    .hasMessageContaining("nothing was recorded");
            assertThat(asked).hasSize(2).last().asString().endsWith("page=2");
        } finally {
            server.stop(0);
        }
    }

    /** The properties as Spring binds {@code malspar.kolada.*} (defaults included) from these values. */
    private static KoladaProperties properties(Map<String, String> values) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        values.forEach((key, value) -> prefixed.put("malspar.kolada." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("malspar.kolada", KoladaProperties.class);
    }
}
