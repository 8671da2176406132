package se.malspar.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        if (!StringUtils.hasText(settings.getIssuer()) || !StringUtils.hasText(settings.getAudience())) {
            throw new IllegalStateException("jwt login needs malspar.security.jwt.issuer and .audience "
                    + "(MALSPAR_SECURITY_JWT_ISSUER, MALSPAR_SECURITY_JWT_AUDIENCE)");
        }
        NimbusJwtDecoder decoder = StringUtils.hasText(settings.getJwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(settings.getJwkSetUri()).build()
                : NimbusJwtDecoder.withIssuerLocation(settings.getIssuer()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.getAudience()));
        // Every event must name who caused it: a token without the user-id claim is no login at all.
        OAuth2TokenValidator<Jwt> user = new JwtClaimValidator<Object>(settings.getUserIdClaim(),
                id -> id != null && !id.toString().isBlank());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.getIssuer()), audience, user));
        return decoder;
    }

    Converter<Jwt, AbstractAuthenticationToken> converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(settings.getUserIdClaim());
        converter.setJwtGrantedAuthoritiesConverter(this::roles);
        return converter;
    }

    /** Only the four known roles count; anything else in the claim is ignored. */
    Collection<GrantedAuthority> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String part : settings.getRolesClaim().split("\\.")) {
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
            String normalised = name.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            for (Role role : Role.values()) {
                if (role.name().equals(normalised)) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        return authorities;
    }
}
