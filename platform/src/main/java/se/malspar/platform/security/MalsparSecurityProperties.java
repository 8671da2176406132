package se.malspar.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code malspar.security.*}: login mode ({@code MALSPAR_SECURITY_MODE}), users for basic
 * login, the JWT issuer and claims, the request size limit and CORS.
 *
 * @param maxKoladaUploadSize the Kolada upload's own limit: a full v3 page (5,000 values of about
 *                            136 bytes, ~680 KB) and then some; every other request keeps {@code maxRequestSize}
 * @param corsAllowedOrigins  blank entries (an empty environment variable) are dropped
 */
@ConfigurationProperties(prefix = "malspar.security")
public record MalsparSecurityProperties(@DefaultValue("BASIC") Mode mode,
                                        List<User> users,
                                        @DefaultValue Jwt jwt,
                                        @DefaultValue LoginRateLimit loginRateLimit,
                                        @DefaultValue("256KB") DataSize maxRequestSize,
                                        @DefaultValue("2MB") DataSize maxKoladaUploadSize,
                                        List<String> corsAllowedOrigins) {

    public enum Mode { BASIC, JWT }

    public MalsparSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    }

    /** A basic-login user: the password only as a bcrypt hash ({@code {bcrypt}$2a$…} or {@code $2a$…}). */
    public record User(String username, String passwordHash, Set<Role> roles) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * JWT login: who issues tokens, for which audience, and where the user id and roles are.
     *
     * @param rolesClaim  dot path of the claim holding role names, e.g. {@code roles} or {@code realm_access.roles}
     * @param maxLifetime the longest a token may live (exp − iat, or exp − now without iat); longer ones are refused
     */
    public record Jwt(String issuer, String jwkSetUri, String audience,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("sub") String userIdClaim,
                      @DefaultValue("2h") Duration maxLifetime) {
    }

    /** Failed logins allowed per user name and per client address within {@code window}; then 429. */
    public record LoginRateLimit(@DefaultValue("10") int failuresPerUser,
                                 @DefaultValue("100") int failuresPerAddress,
                                 @DefaultValue("1m") Duration window) {
    }
}
