package se.malspar.kernel.decision;

/**
 * A citation or decision id that does not follow the grammar; the message says what is wrong.
 */
public class InvalidCitationException extends IllegalArgumentException {

    public InvalidCitationException(String message) {
        super(message);
    }
}
