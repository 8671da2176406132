package se.malspar.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.text.Normalizer;

/**
 * Every JSON string the API reads is checked and normalised here: NUL and other control
 * characters are refused (tab and line breaks are text), and text is stored in NFC, so that
 * "delmål" typed on any keyboard is one and the same name.
 */
@Component
public class StrictText extends SimpleModule {

    public StrictText() {
        super("malspar-strict-text");
        addDeserializer(String.class, new Deserializer());
    }

    /** Throws with the position in the text; the value itself is not echoed back. */
    public static String normalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
            boolean separator = c == '\u2028' || c == '\u2029';
            if (control || separator || (Character.isSurrogate(c) && !validSurrogate(text, i))) {
                throw new IllegalArgumentException(String.format(
                        "control character U+%04X at position %d is not allowed", (int) c, i + 1));
            }
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** A refused string: the handler names the field and this message. */
    public static final class InvalidTextException extends JsonMappingException {
        InvalidTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                // Numbers, booleans, objects where text is expected: a wrong type, not coerced.
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            try {
                return normalise(parser.getText());
            } catch (IllegalArgumentException e) {
                throw new InvalidTextException(parser, e.getMessage());
            }
        }
    }
}
