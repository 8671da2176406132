package se.malspar.kernel.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The canonical slug of a decision, e.g. {@code ks-2022-03-09-p70} for {@code KS 2022-03-09 § 70}.
 * It is derived from the citation once, at registration, and never changes afterwards.
 */
public record DecisionId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z]{2,10}-[0-9]{4}-[0-9]{2}(-[0-9]{2})?(-p[1-9][0-9]{0,3})?");

    public DecisionId {
        Objects.requireNonNull(value, "decision id");
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidCitationException("not a decision id: '" + value
                    + "' (expected e.g. ks-2022-03-09-p70 or kf-2020-10)");
        }
    }

    @JsonCreator
    public static DecisionId of(String value) {
        return new DecisionId(value);
    }

    public static boolean looksLikeId(String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    /**
     * Accepts what a user writes in a {@code decision} field: an id or a citation.
     */
    public static DecisionId fromReference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidCitationException("a decision reference (citation or id) is required");
        }
        String trimmed = reference.strip();
        return looksLikeId(trimmed) ? new DecisionId(trimmed) : Citation.parse(trimmed).decisionId();
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
