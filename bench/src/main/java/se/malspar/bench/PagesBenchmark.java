package se.malspar.bench;

import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 6. Pages (issue 12): every page of the Vaggeryd programme rendered on the server with the history
 * loaded, p95 ≤ 100 ms, and no page (HTML with its style sheet and script) over 1 MB. One client, one
 * session (the auditor's), sequential requests on loopback: the latency is the server's render time
 * plus loopback HTTP. The reference in the same run is the JSON API answering the same query.
 * Arguments: {@code [runs=3] [requests per page and run=200]}.
 */
public final class PagesBenchmark {

    static final String PROGRAMME = "vaggeryd-hallbarhetsprogram";
    static final long LIMIT_BYTES = 1024 * 1024;

    public static void main(String[] argv) throws Exception {
        int runs = argv.length > 0 ? Integer.parseInt(argv[0]) : 3;
        int requests = argv.length > 1 ? Integer.parseInt(argv[1]) : 200;
        Path dir = Path.of("bench/target/pages-" + System.currentTimeMillis());
        try (ConfigurableApplicationContext ctx = Support.start(dir, "--malspar.seed-history=always")) {
            Support.machine(ctx);
            int port = Support.port(ctx);
            Support.Api api = new Support.Api(port);
            awaitHistory(api);
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("start", "/");
            pages.put("program", "/program/" + PROGRAMME + "?validAt=2022-03-10");
            // the history was recorded today, so "as known" must be today or later to find it
            pages.put("program as known then", "/program/" + PROGRAMME + "?validAt=2021-06-01&knownAt="
                    + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
            pages.put("andringar", "/program/" + PROGRAMME + "/andringar?from=2021-01-12&to=2022-12-31");
            pages.put("matvarden", "/matvarden/kf2-gymnasiebehorighet");
            pages.put("beslut", "/beslut");
            pages.put("beslut/{id}", "/beslut/ks-2021-01-13-p12");
            pages.put("granskning", "/granskning");
            pages.put("handelser", "/handelser");
            pages.put("integritet", "/integritet");
            Map<String, String> references = Map.of(
                    "program", "/api/programmes/" + PROGRAMME + "?validAt=2022-03-10",
                    "matvarden", "/api/indicators/kf2-gymnasiebehorighet/history",
                    "beslut/{id}", "/api/decisions/ks-2021-01-13-p12");

            long assets = get(browser, base, "/assets/malspar.css").body().length()
                    + get(browser, base, "/assets/malspar.js").body().length();
            Map<String, List<Double>> p95 = new LinkedHashMap<>();
            Map<String, List<Double>> p50 = new LinkedHashMap<>();
            Map<String, List<Double>> refP95 = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    long[] times = measure(browser, base, page.getValue(), requests);
                    p95.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(percentile(times, 95));
                    p50.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(percentile(times, 50));
                    String reference = references.get(page.getKey());
                    if (reference != null) {
                        long[] ref = measure(browser, base, reference, requests);
                        refP95.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(percentile(ref, 95));
                    }
                }
                Support.log("run %d done", run);
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String name = page.getKey();
                long bytes = get(browser, base, page.getValue()).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                double median95 = Support.median(p95.get(name));
                Support.log("RESULT page %-22s p95 %s, p50 %s; HTML %,d bytes + assets %,d = %,d bytes (%s); p95 ≤ 100 ms: %s%s",
                        name, Support.summary(p95.get(name), "%.1f ms"), Support.summary(p50.get(name), "%.1f ms"),
                        bytes, assets, bytes + assets, bytes + assets <= LIMIT_BYTES ? "≤ 1 MB" : "OVER 1 MB",
                        median95 <= 100 ? "met" : "NOT met",
                        refP95.containsKey(name) ? String.format(Locale.ROOT, "; reference JSON API p95 %s",
                                Support.summary(refP95.get(name), "%.1f ms")) : "");
            }
        }
        System.exit(0);
    }

    private static void awaitHistory(Support.Api api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = api.send("auditor", "GET", "/api/decisions/ks-2022-03-09-p70", null);
            if (r.statusCode() == 200 && r.body().contains("Tillg")) {
                Support.log("history loaded");
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the Vaggeryd history was not imported within 5 minutes");
    }

    /** Sequential requests after as many unrecorded warm-up requests; each latency in microseconds. */
    private static long[] measure(HttpClient client, String base, String path, int requests) throws Exception {
        for (int i = 0; i < requests / 2; i++) {
            get(client, base, path);
        }
        long[] times = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(client, base, path);
            times[i] = (System.nanoTime() - start) / 1000;
        }
        return times;
    }

    private static HttpResponse<String> get(HttpClient client, String base, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Support.Api.auth("auditor"))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + response.statusCode());
        }
        return response;
    }

    private static double percentile(long[] micros, double percentile) {
        long[] sorted = micros.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
