package se.malspar.query.etag;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Answers already written, by ETag (issue 16: a repeated full read need not rebuild its answer).
 * An ETag is a digest of the read models' positions, the path and the normalised query, so an
 * answer is fully determined by it, and a key can never name an answer older than the read models
 * it was built from: when one advances, every ETag over it changes and the old entries are simply
 * never asked for again (they age out by weight). Nothing in these answers depends on the caller
 * (no field differs by role or language) and they have one representation ({@code application/json},
 * the controllers' only {@code produces}), so the ETag is the whole key.
 *
 * <p>The bytes stored are the ones Spring's own Jackson converter writes for the fresh answer, and
 * a repeat is written from them unchanged (as a raw JSON value): a stored answer is byte-identical
 * to the one built for its ETag. Bounded by weight ({@code malspar.answers.stored-size}, default
 * 64MB; 0 turns storing off); its hits and misses are the {@code cache.gets} metrics of cache "answers".
 */
@ControllerAdvice
public class StoredAnswers implements ResponseBodyAdvice<Object> {

    /** Request attribute: the stored answer to write (the controller returned no body). */
    private static final String STORED = StoredAnswers.class.getName() + ".stored";
    /** Request attribute: the ETag under which to store the answer the controller built. */
    private static final String TO_STORE = StoredAnswers.class.getName() + ".key";

    private final Cache<String, SerializedString> answers;
    private final MappingJackson2HttpMessageConverter json;
    private final boolean enabled;

    StoredAnswers(MappingJackson2HttpMessageConverter json, ObjectProvider<MeterRegistry> meters,
                  @Value("${malspar.answers.stored-size:64MB}") DataSize size) {
        this.json = json;
        this.enabled = size.toBytes() > 0;
        // Weight: the UTF-8 bytes plus the string they are kept beside (Jackson's SerializedString), about 3 bytes a character.
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(size.toBytes(), 1))
                .<String, SerializedString>weigher((etag, answer) -> 2 * etag.length() + 3 * answer.charLength())
                .recordStats()
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, answers, "answers"));
    }

    /**
     * The answer for this ETag: from the store when it holds one (the response then carries no body
     * here, and the stored bytes are written for it), else built by {@code body} and stored as written.
     */
    <T> ResponseEntity<T> answer(HttpServletRequest request, String etag, ResponseEntity.BodyBuilder ok,
                                 Supplier<T> body) {
        if (!enabled) {
            return ok.body(body.get());
        }
        SerializedString stored = answers.getIfPresent(etag);
        if (stored != null) {
            request.setAttribute(STORED, stored);
            return ok.build();
        }
        T built = body.get();
        request.setAttribute(TO_STORE, etag);
        return ok.body(built);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return enabled && MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        if (body == null && http.getAttribute(STORED) instanceof SerializedString stored) {
            return new RawValue(stored);
        }
        if (body == null || !(http.getAttribute(TO_STORE) instanceof String etag)
                || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            return body;
        }
        // Written by the same converter, for the same declared type, as Spring would have written it.
        BufferedMessage written = new BufferedMessage();
        try {
            json.write(body, declaredBodyType(returnType), contentType, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SerializedString answer = new SerializedString(written.bytes.toString(StandardCharsets.UTF_8));
        answer.asUnquotedUTF8(); // encoded once here, not by the first request that repeats it
        answers.put(etag, answer);
        return new RawValue(answer);
    }

    /** T of the handler's {@code ResponseEntity<T>}. */
    private static Type declaredBodyType(MethodParameter returnType) {
        Type type = returnType.getGenericParameterType();
        return type instanceof ParameterizedType p && ResponseEntity.class.equals(p.getRawType())
                ? p.getActualTypeArguments()[0] : type;
    }

    private static final class BufferedMessage implements HttpOutputMessage {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private final HttpHeaders headers = new HttpHeaders();

        @Override
        public ByteArrayOutputStream getBody() {
            return bytes;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
