package se.malspar.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Basic login sends the password with every request, and bcrypt is deliberately slow (cost 10
 * allows about 15 checks per second per core), so verifying it each time caps the whole API at a
 * few dozen requests per second. A credential that bcrypt accepted is remembered for a short
 * time, keyed by an HMAC of user and password under a key made at start-up and never stored: the
 * password itself is kept nowhere, and a wrong or changed password is checked by bcrypt again.
 * The memory is a Caffeine cache: entries expire {@code ttl} after bcrypt accepted them, and at
 * most 10,000 are kept (the least useful go first).
 */
class VerifiedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Cache<String, Authentication> remembered;

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.remembered = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (ttl.isZero() || authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String fingerprint = fingerprint(authentication.getName(), authentication.getCredentials().toString());
        Authentication known = remembered.getIfPresent(fingerprint);
        if (known != null) {
            return known;
        }
        Authentication verified = delegate.authenticate(authentication);
        if (verified == null || !verified.isAuthenticated()) {
            return verified;
        }
        Authentication kept = withoutCredentials(verified);
        remembered.put(fingerprint, kept);
        return kept;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static Authentication withoutCredentials(Authentication verified) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                verified.getPrincipal(), null, verified.getAuthorities());
        token.setDetails(verified.getDetails());
        return token;
    }

    private String fingerprint(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
