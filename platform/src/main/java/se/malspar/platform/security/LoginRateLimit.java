package se.malspar.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import se.malspar.kernel.common.Refusal;
import se.malspar.platform.web.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Limits failed logins per user name and per client address (token buckets, Bucket4j, held in
 * a bounded Caffeine cache): each request with credentials that ends in 401 takes one token from
 * both buckets; while either is empty, requests with credentials for that name or from that
 * address get 429 with {@code Retry-After}, before any password is checked. Successful logins
 * take nothing, so normal use is never slowed. The client address is the connection's (set
 * {@code server.forward-headers-strategy} behind a trusted proxy).
 */
class LoginRateLimit extends OncePerRequestFilter {

    private static final int MAX_KEYS = 100_000;

    private final ObjectMapper objectMapper;
    private final LoadingCache<String, Bucket> users;
    private final LoadingCache<String, Bucket> addresses;

    LoginRateLimit(MalsparSecurityProperties.LoginRateLimit settings, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.users = buckets(settings.failuresPerUser(), settings.window());
        this.addresses = buckets(settings.failuresPerAddress(), settings.window());
    }

    private static LoadingCache<String, Bucket> buckets(int failures, Duration window) {
        if (failures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalStateException("malspar.security.login-rate-limit: failures must be at least 1 and "
                    + "the window longer than 0");
        }
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window)
                .build(key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
                        .build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket address = addresses.get(request.getRemoteAddr());
        String userName = basicUserName(authorization);
        Bucket user = userName == null ? null : users.get(userName);
        long waitNanos = Math.max(wait(address), wait(user));
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            ProblemDetail problem = Problems.problem(Refusal.TOO_MANY_REQUESTS,
                    "too many failed logins for this user name or from this address; try again in " + seconds + " s");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityConfiguration.write(request, response, objectMapper, problem);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            address.tryConsume(1);
            if (user != null) {
                user.tryConsume(1);
            }
        }
    }

    /** Nanoseconds until the bucket has a token again; 0 when it has one now. */
    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /** The user name of a Basic header, or null for another scheme or a garbled one. */
    static String basicUserName(String authorization) {
        if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
