package se.malspar.query.etag;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The position of each read model ({@code read_model_position}): the highest global index it has
 * applied and a generation counting its batches and resets. A projection advances it in the same
 * transaction as the rows of each batch, so the row changes exactly when new rows become visible;
 * an ETag derived from it and the query is therefore new whenever the answer may be.
 */
@Repository
public class ReadModelPositions {

    /** A client may keep an answer but asks again each time (the ETag makes that cheap); never shared caches. */
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private static final String RESOURCE = ReadModelPositions.class.getName() + "/";

    private final JdbcClient jdbc;
    private final StoredAnswers stored;

    ReadModelPositions(JdbcClient jdbc, StoredAnswers stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    /**
     * The read model has applied the event at this global index: written once per unit of work
     * (a processor's batch), just before it commits; at once outside one. The positions of every
     * read model a batch advanced are written in the order of their names: read models that share
     * a processor with several segments advance several rows in each batch, and two batches that
     * locked them in different orders would deadlock (measured, BENCHMARKS.md issue 16 third session).
     */
    public void advance(String readModel, long globalIndex) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(readModel, globalIndex);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> highest = root.getOrComputeResource(RESOURCE, key -> {
            Map<String, Long> positions = new TreeMap<>();
            root.onPrepareCommit(u -> positions.forEach(this::write));
            return positions;
        });
        highest.merge(readModel, globalIndex, Math::max);
    }

    private void write(String readModel, long globalIndex) {
        jdbc.sql("""
                        insert into read_model_position (read_model, position, generation) values (:model, :position, 1)
                        on conflict (read_model) do update
                           set position = greatest(read_model_position.position, excluded.position),
                               generation = read_model_position.generation + 1""")
                .param("model", readModel).param("position", globalIndex).update();
    }

    /** The read model was emptied for a replay: its position starts again, under a new generation. */
    public void reset(String readModel) {
        jdbc.sql("""
                        insert into read_model_position (read_model, position, generation) values (:model, 0, 1)
                        on conflict (read_model) do update
                           set position = 0, generation = read_model_position.generation + 1""")
                .param("model", readModel).update();
    }

    /**
     * A strong ETag for an answer built from these read models for this query (path, normalized
     * parameters, and anything else that changes the answer): one indexed read, no query work.
     */
    public String etag(List<String> readModels, String query) {
        Map<String, String> positions = new TreeMap<>();
        readModels.forEach(m -> positions.put(m, "0/0"));
        jdbc.sql("select read_model, position, generation from read_model_position where read_model in (:models)")
                .param("models", readModels)
                .query((rs, n) -> positions.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3))).list();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((positions + "\n" + query).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The answer with its ETag, or 304 Not Modified (no body, nothing built) when the request's
     * If-None-Match names the ETag already. {@code query} is the normalized query (path and every
     * parameter that changes the answer, defaults resolved). The answer is built each time: for a
     * caller that still works on the body (see {@link #storedAnswer} otherwise).
     */
    public <T> ResponseEntity<T> answer(HttpServletRequest request, List<String> readModels, String query,
                                        Supplier<T> body) {
        String etag = etag(readModels, request.getRequestURI() + "?" + query);
        ResponseEntity<T> notModified = notModified(request, etag);
        return notModified != null ? notModified : ResponseEntity.ok().eTag(etag).cacheControl(REVALIDATE).body(body.get());
    }

    /**
     * As {@link #answer}, and a full answer already written for this ETag is written again from
     * {@link StoredAnswers} instead of being built: the returned entity then has no body of its own.
     */
    public <T> ResponseEntity<T> storedAnswer(HttpServletRequest request, List<String> readModels, String query,
                                              Supplier<T> body) {
        String etag = etag(readModels, request.getRequestURI() + "?" + query);
        ResponseEntity<T> notModified = notModified(request, etag);
        return notModified != null ? notModified
                : stored.answer(request, etag, ResponseEntity.ok().eTag(etag).cacheControl(REVALIDATE), body);
    }

    private static <T> ResponseEntity<T> notModified(HttpServletRequest request, String etag) {
        ETag current = ETag.create(etag);
        for (Enumeration<String> headers = request.getHeaders(HttpHeaders.IF_NONE_MATCH); headers.hasMoreElements(); ) {
            if (ETag.parse(headers.nextElement()).stream().anyMatch(t -> t.isWildcard() || t.compare(current, false))) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(REVALIDATE).build();
            }
        }
        return null;
    }
}
