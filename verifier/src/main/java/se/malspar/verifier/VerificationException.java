package se.malspar.verifier;

/** A check that did not hold; the message names it in Swedish, ready to print after "FEL: ". */
final class VerificationException extends RuntimeException {

    VerificationException(String message) {
        super(message);
    }

    VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
