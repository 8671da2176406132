package se.malspar.kernel.common;

/**
 * Thrown by a command handler that refuses a command; nothing is written.
 */
public class RuleViolationException extends RuntimeException {

    private final transient RuleViolation violation;

    public RuleViolationException(String code, String message) {
        super(message);
        this.violation = new RuleViolation(code, message);
    }

    public RuleViolation violation() {
        return violation;
    }
}
