package se.malspar.command.programme;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The admin API's answer to a change: the {@link Accepted} body with the entity's new version as {@code ETag}. */
public final class ETags {

    private ETags() {
    }

    public static ResponseEntity<Accepted> created(Accepted accepted, String location) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(accepted)).body(accepted);
    }

    public static ResponseEntity<Accepted> ok(Accepted accepted) {
        return ResponseEntity.ok().eTag(etag(accepted)).body(accepted);
    }

    private static String etag(Accepted accepted) {
        return "\"" + accepted.version() + "\"";
    }
}
