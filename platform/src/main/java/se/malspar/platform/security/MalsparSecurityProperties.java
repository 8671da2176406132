package se.malspar.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code malspar.security.*}: login mode ({@code MALSPAR_SECURITY_MODE}), users for basic
 * login, the JWT issuer and claims, the request size limit and CORS.
 */
@ConfigurationProperties(prefix = "malspar.security")
public class MalsparSecurityProperties {

    public enum Mode { BASIC, JWT }

    private Mode mode = Mode.BASIC;
    private List<User> users = new ArrayList<>();
    private final Jwt jwt = new Jwt();
    private final LoginRateLimit loginRateLimit = new LoginRateLimit();
    private DataSize maxRequestSize = DataSize.ofKilobytes(256);
    /**
     * The Kolada upload's own limit: a full v3 page (5,000 values of about 136 bytes, ~680 KB) and
     * then some; every other request keeps {@link #maxRequestSize}.
     */
    private DataSize maxKoladaUploadSize = DataSize.ofMegabytes(2);
    private List<String> corsAllowedOrigins = new ArrayList<>();

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public LoginRateLimit getLoginRateLimit() {
        return loginRateLimit;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public DataSize getMaxKoladaUploadSize() {
        return maxKoladaUploadSize;
    }

    public void setMaxKoladaUploadSize(DataSize maxKoladaUploadSize) {
        this.maxKoladaUploadSize = maxKoladaUploadSize;
    }

    public List<String> getCorsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
        this.corsAllowedOrigins = corsAllowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    }

    /** A basic-login user: the password only as a bcrypt hash ({@code {bcrypt}$2a$…} or {@code $2a$…}). */
    public static class User {
        private String username;
        private String passwordHash;
        private Set<Role> roles = Set.of();

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles;
        }
    }

    /** JWT login: who issues tokens, for which audience, and where the user id and roles are. */
    public static class Jwt {
        private String issuer;
        private String jwkSetUri;
        private String audience;
        /** Dot path of the claim holding role names, e.g. {@code roles} or {@code realm_access.roles}. */
        private String rolesClaim = "roles";
        private String userIdClaim = "sub";
        /** The longest a token may live (exp − iat, or exp − now without iat); longer ones are refused. */
        private Duration maxLifetime = Duration.ofHours(2);

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getUserIdClaim() {
            return userIdClaim;
        }

        public void setUserIdClaim(String userIdClaim) {
            this.userIdClaim = userIdClaim;
        }
    }

    /** Failed logins allowed per user name and per client address within {@code window}; then 429. */
    public static class LoginRateLimit {
        private int failuresPerUser = 10;
        private int failuresPerAddress = 100;
        private Duration window = Duration.ofMinutes(1);

        public int getFailuresPerUser() {
            return failuresPerUser;
        }

        public void setFailuresPerUser(int failuresPerUser) {
            this.failuresPerUser = failuresPerUser;
        }

        public int getFailuresPerAddress() {
            return failuresPerAddress;
        }

        public void setFailuresPerAddress(int failuresPerAddress) {
            this.failuresPerAddress = failuresPerAddress;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }
}
