package se.malspar.kernel.consultation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The id of a consultation round (remiss), given by the caller, e.g. {@code remiss-ambitionsniva-2020}. */
public record ConsultationId(String value) {

    static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ConsultationId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("consultation id '" + value
                    + "' must be 1 to 100 letters A–Z, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @JsonCreator
    public static ConsultationId of(String value) {
        return new ConsultationId(value);
    }

    /** A response's id within its consultation has the same form. */
    public static String requireResponseId(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("responseId '" + value
                    + "' must be 1 to 100 letters A–Z, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
