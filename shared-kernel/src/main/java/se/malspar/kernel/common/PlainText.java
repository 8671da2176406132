package se.malspar.kernel.common;

/**
 * Names and titles hold no invisible formatting: no character of Unicode category Cf — the
 * bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), the zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF) and the rest of the category. Such a character
 * makes two different names look alike, or one name read backwards ("Trojan Source"), in every
 * list and protocol that shows it.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why the text is refused (without echoing it), or null when it is plain. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, position = 1; i < text.length(); position++) {
            int c = text.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                return String.format("contains the invisible formatting character U+%04X at position %d "
                        + "(bidirectional controls and zero-width characters are not allowed in names and titles)",
                        c, position);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** The text, or a VALIDATION_FAILED refusal naming the field. */
    public static String require(String text, String field) {
        String problem = problem(text);
        if (problem != null) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " " + problem);
        }
        return text;
    }
}
