package se.malspar.platform.web;

import java.util.function.Function;

/** Reading request values (path variables, fields, parameters) into typed values. */
public final class Fields {

    private Fields() {
    }

    /** Parses a value into a typed value; what the parser refuses becomes a 400 naming the field. */
    public static <T> T parse(String value, String field, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }
}
