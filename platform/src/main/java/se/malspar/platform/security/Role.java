package se.malspar.platform.security;

/** The four roles of API.md. Granted authorities are {@code ROLE_} + the name. */
public enum Role {
    /** The strategy office: every admin write except operations, and every read. */
    STRATEGY,
    /** Auditors: every read under /api (not /api/admin). */
    AUDITOR,
    /** Elected revisors: every read, and /api/revision. */
    REVISOR,
    /** Operations: read-model replay and every actuator endpoint except health. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
