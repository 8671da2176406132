package se.malspar.command.kolada;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Kolada's v3 {@code /data} for KPIs and the configured areas from
 * {@code malspar.kolada.base-url}, following {@code next_url} (only within that base URL, and at
 * most {@code max-pages} pages). Never used by the tests: they upload Kolada-shaped files.
 */
@Component
@EnableConfigurationProperties(KoladaProperties.class)
class KoladaClient {

    private final KoladaProperties properties;
    private final HttpClient http;

    KoladaClient(KoladaProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean configured() {
        return properties.baseUrl() != null && !properties.baseUrl().isBlank();
    }

    /** {base}/data/kpi/{kpis}/municipality/{municipality,national,county}[/year/{years}] */
    String url(List<String> kpis, List<Integer> years) {
        String base = properties.baseUrl().strip().replaceAll("/+$", "");
        String url = base + "/data/kpi/" + String.join(",", kpis) + "/municipality/"
                + String.join(",", properties.municipality(), properties.national(), properties.county());
        if (!years.isEmpty()) {
            url += "/year/" + String.join(",", years.stream().map(String::valueOf).toList());
        }
        return url;
    }

    /** Every page from {@code url} on, parsed and merged. */
    KoladaData fetch(String url) {
        String base = properties.baseUrl().strip().replaceAll("/+$", "");
        List<KoladaValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = url;
        for (int page = 1; next != null; page++) {
            if (page > properties.maxPages()) {
                throw new KoladaUnavailableException("Kolada's answer has more than " + properties.maxPages()
                        + " pages; ask for fewer KPIs or years");
            }
            if (!next.startsWith(base + "/")) {
                throw new KoladaUnavailableException("Kolada's next_url leaves the configured base URL; not followed");
            }
            KoladaData data;
            try {
                data = KoladaParser.parse(get(next, page));
            } catch (MalformedKoladaException e) {
                throw new KoladaUnavailableException("Kolada answered page " + page + " with a document that is not "
                        + "the v3 /data shape (" + e.describe() + "); nothing was recorded");
            }
            for (KoladaValue value : data.values()) {
                if (seen.add(value.kpi() + "|" + value.municipality() + "|" + value.year() + "|" + value.gender())) {
                    values.add(value);
                }
            }
            next = data.nextUrl();
        }
        return new KoladaData(values, null);
    }

    private byte[] get(String url, int page) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new KoladaUnavailableException("Kolada answered HTTP " + response.statusCode()
                            + " for page " + page + " (" + url + "); nothing was recorded");
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxResponseBytes() + 1));
                if (bytes.length > properties.maxResponseBytes()) {
                    throw new KoladaUnavailableException("Kolada's answer is larger than "
                            + properties.maxResponseBytes() + " bytes; ask for fewer KPIs or years");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new KoladaUnavailableException("Kolada could not be reached for page " + page + " ("
                    + e.getClass().getSimpleName() + "); nothing was recorded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KoladaUnavailableException("interrupted while reading from Kolada; nothing was recorded");
        }
    }
}
