package se.malspar.command.kolada;

/**
 * A Kolada document that is not the v3 {@code /data} shape; {@link #path()} names the place
 * (e.g. {@code values[3].period}) so the user can find it in the file.
 */
class MalformedKoladaException extends RuntimeException {

    private final String path;

    MalformedKoladaException(String path, String message) {
        super(message);
        this.path = path;
    }

    String path() {
        return path;
    }

    /** "values[3].period: must be …", for messages that are not split into field and text. */
    String describe() {
        return path + ": " + getMessage();
    }
}
