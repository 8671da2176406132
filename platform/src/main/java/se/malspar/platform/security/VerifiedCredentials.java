package se.malspar.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basic login sends the password with every request, and bcrypt is deliberately slow (cost 10
 * allows about 15 checks per second per core), so verifying it each time caps the whole API at a
 * few dozen requests per second. A credential that bcrypt accepted is remembered for a short
 * time, keyed by an HMAC of user and password under a key made at start-up and never stored: the
 * password itself is kept nowhere, and a wrong or changed password is checked by bcrypt again.
 */
class VerifiedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
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
        Instant now = clock.instant();
        Remembered known = remembered.get(fingerprint);
        if (known != null && now.isBefore(known.until())) {
            return known.authentication();
        }
        Authentication verified = delegate.authenticate(authentication);
        if (verified == null || !verified.isAuthenticated()) {
            return verified;
        }
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        Authentication kept = withoutCredentials(verified);
        remembered.put(fingerprint, new Remembered(kept, now.plus(ttl)));
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

    private record Remembered(Authentication authentication, Instant until) {
    }
}
