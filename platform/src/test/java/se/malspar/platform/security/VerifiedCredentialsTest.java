package se.malspar.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            bcryptChecks.incrementAndGet();
            if (!"secret".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), a.getCredentials(),
                    List.of(new SimpleGrantedAuthority("ROLE_STRATEGY")));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("strategy", password);
    }

    @Test
    void aVerifiedCredentialIsCheckedByBcryptOnceWithinItsTtl() {
        VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, Clock.systemUTC(), Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            Authentication a = credentials.authenticate(login("secret"));
            assertThat(a.isAuthenticated()).isTrue();
            assertThat(a.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STRATEGY");
            assertThat(a.getCredentials()).isNull();
        }
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverRemembered() {
        VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, Clock.systemUTC(), Duration.ofMinutes(5));
        credentials.authenticate(login("secret"));
        assertThatThrownBy(() -> credentials.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aRememberedCredentialExpiresAndAZeroTtlRemembersNothing() {
        Instant[] now = {Instant.parse("2026-11-22T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, clock, Duration.ofMinutes(5));
        credentials.authenticate(login("secret"));
        now[0] = now[0].plus(Duration.ofMinutes(4));
        credentials.authenticate(login("secret"));
        assertThat(bcryptChecks).hasValue(1);
        now[0] = now[0].plus(Duration.ofMinutes(2));
        credentials.authenticate(login("secret"));
        assertThat(bcryptChecks).hasValue(2);

        VerifiedCredentials noCache = new VerifiedCredentials(bcrypt, clock, Duration.ZERO);
        noCache.authenticate(login("secret"));
        noCache.authenticate(login("secret"));
        assertThat(bcryptChecks).hasValue(4);
    }
}
