package se.malspar.standalone.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One TCP connection per request ({@code Connection: close}), so a request is either refused
 * before it is sent (the server is not accepting) or was sent and must get an answer.
 */
final class FaultClient {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("strategy:malspar-demo".getBytes(StandardCharsets.UTF_8));
    private final int port;

    FaultClient(int port) {
        this.port = port;
    }

    /** status 0: never connected; -1: connected, sent, and no answer came (a dropped request). */
    record Outcome(int status, String body, String retryAfter, long startedNanos, long endedNanos, String error) {
    }

    Outcome get(String path) {
        return send("GET", path, null, null);
    }

    Outcome send(String method, String path, String json, String idempotencyKey) {
        long started = System.nanoTime();
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(2000);
            c.setReadTimeout(60_000);
            c.setRequestProperty("Connection", "close");
            c.setRequestProperty("Authorization", AUTH);
            if (idempotencyKey != null) {
                c.setRequestProperty("Idempotency-Key", idempotencyKey);
            }
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
            }
            try {
                c.connect();
            } catch (ConnectException e) {
                return new Outcome(0, null, null, started, System.nanoTime(), e.toString());
            }
            if (json != null) {
                c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(status, body, c.getHeaderField("Retry-After"), started, System.nanoTime(), null);
        } catch (ConnectException e) {
            return new Outcome(0, null, null, started, System.nanoTime(), e.toString());
        } catch (IOException e) {
            return new Outcome(-1, null, null, started, System.nanoTime(), e.toString());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
