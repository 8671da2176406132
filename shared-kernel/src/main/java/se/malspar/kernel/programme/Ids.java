package se.malspar.kernel.programme;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of programme, goal, delmål and indicator ids (letters, digits, '.', '_', '-'; at most
 * 100), and the slug a server generates from a name when the caller gives no id.
 */
public final class Ids {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Ids() {
    }

    static String require(String value, String what) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must be 1 to 100 letters A–Z, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** {@code slug("kf4", "Tillgänglighet")} is {@code kf4-tillganglighet}. */
    public static String slug(String parent, String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        String slug = (parent.toLowerCase(Locale.ROOT) + "-" + folded).replaceAll("-+$", "");
        return slug.length() <= 100 ? slug : slug.substring(0, 100).replaceAll("-+$", "");
    }

    /** Names are compared NFC-normalised, trimmed and case-insensitively. */
    public static String nameKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
