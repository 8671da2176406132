package se.malspar.command.kolada;

/** Kolada could not give a usable answer (unreachable, an HTTP error, another shape): a 502. */
class KoladaUnavailableException extends RuntimeException {

    KoladaUnavailableException(String message) {
        super(message);
    }
}
