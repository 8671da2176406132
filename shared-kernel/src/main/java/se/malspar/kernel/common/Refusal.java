package se.malspar.kernel.common;

/**
 * Every reason Målspår refuses a request or a command, by the code a client sees in a problem
 * detail ({@code "code": "DECISION_NOT_ADOPTED"}: the constant's name, spelled as it is here). The
 * platform maps each to its HTTP status in one place ({@code Problems.statusOf}); every one has a
 * page in {@code problem-types.properties}.
 */
public enum Refusal {

    // --- the request itself -------------------------------------------------------------------
    VALIDATION_FAILED,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    PAYLOAD_TOO_LARGE,
    TOO_MANY_REQUESTS,
    UNSUPPORTED_MEDIA_TYPE,

    // --- concurrent or repeated writes ----------------------------------------------------------
    DUPLICATE_DECISION,
    DUPLICATE_NAME,
    ALREADY_EXISTS,
    CONFLICT,
    VERSION_CONFLICT,
    PRECONDITION_FAILED,
    IDEMPOTENCY_KEY_REUSED,

    // --- the register's rules (understood, but refused) -------------------------------------------
    AMBITION_RULE_CONFLICT,
    DECISION_LACKS_COMPETENCE,
    DECISION_NOT_ADOPTED,
    DECISION_ALREADY_ADOPTED,
    DECISION_NOT_REGISTERED,
    DELMAL_RETIRED,
    DUPLICATE_CHANGE,
    EFFECTIVE_DATE_UNKNOWN,
    INDICATOR_RETIRED,
    NOTHING_TO_CHANGE,
    NOTHING_TO_CORRECT,
    TARGET_NOT_POLITICAL,
    TREE_SIZE_BEFORE_FIRST_CHANGE,
    TREE_SIZE_NOT_SIGNED,
    INDICATOR_PLANNED,
    AMBITION_REVIEW_UNDER_WAY,
    NO_AMBITION_REVIEW,
    NO_SUCH_CHANGE,
    PERIOD_CLOSED,
    PERIOD_ALREADY_CLOSED,
    PERIOD_NOT_CLOSED,

    // --- Målspår or what it depends on is not available ---------------------------------------------
    SERVICE_UNAVAILABLE,
    DATABASE_UNAVAILABLE,
    KOLADA_UNAVAILABLE,
    INTERNAL_ERROR
}
