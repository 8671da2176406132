package se.malspar.kernel.common;

/**
 * Thrown by a command handler that refuses a command; nothing is written.
 */
public class RuleViolationException extends RuntimeException {

    private final transient RuleViolation violation;

    public RuleViolationException(Refusal refusal, String message) {
        super(message);
        this.violation = new RuleViolation(refusal, message);
    }

    public RuleViolation violation() {
        return violation;
    }
}
