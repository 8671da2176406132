package se.malspar.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JWT login: signature from the issuer's JWK set, issuer, audience, expiry and not-before
 * checked; the user id and the roles are read from configurable claims (e.g. {@code roles}, or
 * {@code realm_access.roles} for Keycloak).
 */
class JwtLogin {

    private final MalsparSecurityProperties.Jwt settings;

    JwtLogin(MalsparSecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    JwtDecoder decoder() {
        if (!StringUtils.hasText(settings.issuer()) || !StringUtils.hasText(settings.audience())) {
            throw new IllegalStateException("jwt login needs malspar.security.jwt.issuer and .audience "
                    + "(MALSPAR_SECURITY_JWT_ISSUER, MALSPAR_SECURITY_JWT_AUDIENCE)");
        }
        NimbusJwtDecoder decoder = StringUtils.hasText(settings.jwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusJwtDecoder.withIssuerLocation(settings.issuer()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.audience()));
        // Every event must name who caused it: a token without a sane user id is no login at all.
        OAuth2TokenValidator<Jwt> user = new JwtClaimValidator<Object>(settings.userIdClaim(),
                id -> id instanceof String text && USER_ID.matcher(text).matches());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience, user,
                limitedLifetime(settings.maxLifetime(), Clock.systemUTC())));
        return decoder;
    }

    /**
     * A user id as it will stand in every event: 1 to 128 characters from letters A–Z and a–z,
     * digits and {@code . _ @ - : |} (covers e-mail addresses, UUIDs, Auth0's {@code auth0|…}).
     * No spaces, no control characters, nothing that could forge a log line.
     */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:|-]{1,128}");

    /**
     * The token must expire ({@code exp} is required; Spring only checks it when present), and
     * within {@code maxLifetime} of when it was issued (or of now, without {@code iat}).
     */
    static OAuth2TokenValidator<Jwt> limitedLifetime(Duration maxLifetime, Clock clock) {
        Duration skew = Duration.ofMinutes(1);
        return token -> {
            Instant expires = token.getExpiresAt();
            if (expires == null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token has no expiry (exp)", null));
            }
            Instant from = token.getIssuedAt() != null ? token.getIssuedAt() : clock.instant();
            if (Duration.between(from, expires).compareTo(maxLifetime.plus(skew)) > 0
                    || Duration.between(clock.instant(), expires).compareTo(maxLifetime.plus(skew)) > 0) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token lives longer than " + maxLifetime, null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    Converter<Jwt, AbstractAuthenticationToken> converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(settings.userIdClaim());
        converter.setJwtGrantedAuthoritiesConverter(this::roles);
        return converter;
    }

    /**
     * Only the four known roles count, spelled exactly ({@code AUDITOR} or {@code ROLE_AUDITOR}):
     * no case folding, which would turn the Turkish dotless "audıtor" into AUDITOR. Anything else
     * in the claim is ignored.
     */
    Collection<GrantedAuthority> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String part : settings.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(name) || role.authority().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        return authorities;
    }
}
