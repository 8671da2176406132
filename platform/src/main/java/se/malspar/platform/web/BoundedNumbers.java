package se.malspar.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.malspar.kernel.common.Quantities;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every decimal number the API reads is bounded while it is parsed: the parser itself refuses a
 * number literal longer than {@value #MAX_LITERAL_LENGTH} characters (Jackson's
 * {@link StreamReadConstraints}; it cannot say which field), and a {@link BigDecimal} written in
 * more than {@value #MAX_NUMBER_LENGTH} characters or outside {@link Quantities} (|x| ≤ 10^15, at
 * most 6 decimals) is refused with its field named before anything else looks at it — so
 * {@code 1E+2000000} costs microseconds, not seconds. The command handlers check the same rule
 * again for commands that come by other paths.
 */
@Configuration(proxyBeanMethods = false)
public class BoundedNumbers {

    /** Characters of one decimal field; 10^15 with 6 decimals and a sign needs 24. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Characters of any number literal in a request (Jackson's default, made explicit). */
    static final int MAX_LITERAL_LENGTH = 1000;

    @Bean
    SimpleModule boundedDecimalModule() {
        SimpleModule module = new SimpleModule("malspar-bounded-numbers");
        module.addDeserializer(BigDecimal.class, new Deserializer());
        return module;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedNumberLength() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(MAX_LITERAL_LENGTH).build()));
    }

    /** A refused number: the handler names the field and this message. */
    public static final class NumberOutOfRangeException extends JsonMappingException {
        NumberOutOfRangeException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<BigDecimal> {

        Deserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                // Strings, booleans, objects where a number is expected: a wrong type, not coerced.
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
                throw new NumberOutOfRangeException(parser, "must be written in at most " + MAX_NUMBER_LENGTH
                        + " characters; it " + Quantities.RULE);
            }
            BigDecimal value = parser.getDecimalValue();
            if (!Quantities.allowed(value)) {
                throw new NumberOutOfRangeException(parser, Quantities.RULE);
            }
            return Quantities.require(value, "value");
        }
    }
}
