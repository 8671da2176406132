package se.malspar.platform.web;

/** Input that is well-formed JSON but wrong in one named field: a 400 that names the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
