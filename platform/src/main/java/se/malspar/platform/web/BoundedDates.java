package se.malspar.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.malspar.kernel.common.DateRange;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Every date and instant the API reads — in a body ({@code effectiveFrom}, …) or as a parameter
 * ({@code validAt}, {@code knownAt}, {@code from}, {@code to}) — lies within {@link DateRange}
 * (1900-01-01 to 2100-12-31), or is refused with 400 naming the field. A year 0000, 9999 or
 * +1000000000 is a typing error or a probe, and would otherwise reach PostgreSQL and fail there.
 */
@Configuration(proxyBeanMethods = false)
public class BoundedDates implements WebMvcConfigurer {

    /** Wraps whichever deserializer Jackson has for the two types, so the ISO formats stay as they are. */
    @Bean
    SimpleModule boundedDateModule() {
        SimpleModule module = new SimpleModule("malspar-bounded-dates");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == LocalDate.class || type == Instant.class ? new Bounded(deserializer) : deserializer;
            }
        });
        return module;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // Added last, so they are the ones used for request parameters and path variables.
        registry.addConverter(String.class, LocalDate.class, text -> {
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDate date = parse(() -> LocalDate.parse(text.strip()), "a date (YYYY-MM-DD)");
            if (!DateRange.contains(date)) {
                throw new OutOfRangeParameter(DateRange.RULE);
            }
            return date;
        });
        registry.addConverter(String.class, Instant.class, text -> {
            if (text == null || text.isBlank()) {
                return null;
            }
            Instant instant = parse(() -> Instant.parse(text.strip()), "an instant (UTC, e.g. 2026-11-22T10:15:30Z)");
            if (!DateRange.contains(instant)) {
                throw new OutOfRangeParameter("must be an instant from 1900-01-01T00:00:00Z to 2100-12-31T23:59:59Z");
            }
            return instant;
        });
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String expected) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw new OutOfRangeParameter("must be " + expected);
        }
    }

    /** A parameter refused with this message (the handler names the parameter). */
    public static final class OutOfRangeParameter extends IllegalArgumentException {
        OutOfRangeParameter(String message) {
            super(message);
        }
    }

    /** A refused date in a body: the handler names the field and this message. */
    public static final class DateOutOfRangeException extends JsonMappingException {
        DateOutOfRangeException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof LocalDate date && !DateRange.contains(date)) {
                throw new DateOutOfRangeException(parser, DateRange.RULE);
            }
            if (value instanceof Instant instant && !DateRange.contains(instant)) {
                throw new DateOutOfRangeException(parser,
                        "must be an instant from 1900-01-01T00:00:00Z to 2100-12-31T23:59:59Z");
            }
            return value;
        }
    }
}
