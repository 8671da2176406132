package se.malspar.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the pages write numbers, dates and values in Swedish: decimal comma, dates as YYYY-MM-DD,
 * instants in Swedish local time. Used by the templates as {@code @svenska}.
 */
@Component("svenska")
public class Svenska {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One decimal, decimal comma, as the assessment principle displays numbers; whole numbers stay whole. */
    public String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal rounded = value.scale() <= 0 ? value : value.setScale(1, RoundingMode.HALF_UP);
        return rounded.toPlainString().replace('.', ',').replace('-', '−');
    }

    public String number(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "–" : number(value.decimalValue());
    }

    /** The Swedish label of an enum value the API speaks (the kernel's one label source for pages and exports). */
    public String label(String type, String value) {
        return value == null ? "–" : se.malspar.kernel.common.SwedishLabels.of(type, value);
    }

    public String label(Enum<?> value) {
        return value == null ? "–" : se.malspar.kernel.common.SwedishLabels.of(value);
    }

    public String date(LocalDate date) {
        return date == null ? "okänt" : date.toString();
    }

    /** An instant as Swedish local time, with the zone named so nobody mistakes it for UTC. */
    public String instant(Instant instant) {
        return instant == null ? "–" : INSTANT.format(instant.atZone(SWEDEN)) + " (svensk tid)";
    }

    /** An instant written as ISO-8601 text (a checkpoint's {@code issuedAt}), shown as {@link #instant(Instant)}. */
    public String instant(String iso) {
        try {
            return iso == null ? "–" : instant(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A report period in words: 2022-T1 → "tertial 1 2022", 2022-AR → "årsredovisning 2022". */
    public String period(String period) {
        if (period == null) {
            return "–";
        }
        String[] parts = period.split("-");
        if (parts.length != 2) {
            return period;
        }
        return switch (parts[1]) {
            case "T1" -> "tertial 1 " + parts[0];
            case "T2" -> "tertial 2 " + parts[0];
            case "AR" -> "årsredovisning " + parts[0];
            default -> period;
        };
    }

    /**
     * A value of a change in plain Swedish: an ambition level as its verbatim text in quotes, a
     * målvärde with its year, a name as the name, a retirement as "upphört".
     */
    public String value(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "–";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.hasNonNull("text")) {
            return "”" + value.get("text").asText() + "”";
        }
        if (value.has("value") && value.has("year")) {
            return "målvärde " + number(value.get("value")) + " år " + value.get("year").asText();
        }
        if (value.has("retired")) {
            return value.get("retired").asBoolean() ? "upphört" : "i kraft";
        }
        if (value.hasNonNull("name")) {
            return value.get("name").asText();
        }
        return value.size() == 0 ? "–" : value.toString();
    }
}
