package se.malspar.command.programme;

import se.malspar.kernel.common.PlainText;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;

import java.text.Normalizer;

/** The refusals the programme aggregates share, with their problem codes. */
final class Rules {

    private Rules() {
    }

    /** The text trimmed and NFC-normalised (as the API promises), so that equal names are equal strings. */
    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " is required");
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.length() > maxLength) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /** A name, title or unit: text as above, and no invisible formatting characters (see PlainText). */
    static String requireName(String value, String field, int maxLength) {
        return PlainText.require(requireText(value, field, maxLength), field);
    }

    static RuleViolationException alreadyExists(String what, Object id) {
        return new RuleViolationException(Refusal.ALREADY_EXISTS, what + " " + id + " already exists");
    }

    static RuleViolationException notFound(String what, Object id) {
        return new RuleViolationException(Refusal.NOT_FOUND, "no " + what + " " + id);
    }

    static RuleViolationException duplicateName(String what, String name, String parent) {
        return new RuleViolationException(Refusal.DUPLICATE_NAME,
                "there is already an active " + what + " named '" + name + "' under " + parent);
    }
}
