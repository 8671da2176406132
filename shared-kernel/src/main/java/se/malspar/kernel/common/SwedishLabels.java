package se.malspar.kernel.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Swedish labels of the enum values the API speaks ({@code labels_sv.properties} beside this
 * class, key {@code EnumType.CONSTANT}), one source for the pages and the exports: an API keeps
 * its English constants, a person reads "planerat mätvärde (ska tas fram)". A value without a
 * label is shown as itself, so a missing label never hides the value.
 */
public final class SwedishLabels {

    private static final Properties LABELS = load();

    private SwedishLabels() {
    }

    /** The label of an enum constant, e.g. {@code IndicatorKind.PLANNED} → "planerat mätvärde (ska tas fram)". */
    public static String of(Enum<?> value) {
        return value == null ? null : of(value.getDeclaringClass().getSimpleName(), value.name());
    }

    /** The label of a value the reads give as text, e.g. ("Certainty", "UNCERTAIN") → "osäkert datum". */
    public static String of(String type, String value) {
        if (value == null) {
            return null;
        }
        return LABELS.getProperty(type + "." + value, value);
    }

    /** Whether a label exists (for the test that every constant has one). */
    public static boolean has(String type, String value) {
        return LABELS.containsKey(type + "." + value);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = SwedishLabels.class.getResourceAsStream("labels_sv.properties")) {
            if (in == null) {
                throw new IllegalStateException("labels_sv.properties is missing beside SwedishLabels");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
