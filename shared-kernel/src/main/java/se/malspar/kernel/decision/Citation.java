package se.malspar.kernel.decision;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation of a decision paragraph, as the minutes write it: {@code KS 2022-03-09 § 70}.
 *
 * <pre>
 * citation  = organ " " date [ " " "§" [" "] paragraph ]
 * organ     = 2 to 10 letters A–Z, Å, Ä, Ö        (case-insensitive on input, upper case when written)
 * date      = YYYY-MM-DD, or YYYY-MM when the source gives no day (a real calendar date)
 * paragraph = 1 to 4 digits 0–9, not all zero     (leading zeros dropped: "§ 010" is "§ 10")
 * </pre>
 * Input is NFC-normalised, trimmed, and any run of white space (also no-break spaces) counts as
 * one space. Nothing else is repaired: lookalike characters (Cyrillic or full-width letters and
 * digits, "$" or "S" for "§", "p70") are refused, because a revisor must be able to find the
 * paragraph exactly as cited. A citation without paragraph or with a month-only date is
 * {@link #incomplete() incomplete}: accepted, and listed for revisors.
 */
public record Citation(String organ, MeetingDate meetingDate, Integer paragraph) {

    // Checked before upper-casing, so that letters like 'ı' or 'ſ' cannot turn into 'I' or 'S'.
    private static final Pattern ORGAN = Pattern.compile("[A-Za-zÅÄÖåäö]{2,10}");
    private static final Pattern CITATION = Pattern.compile(
            "([^ ]+) ([^ §]+)(?: ?§ ?([^ ]+))?");
    private static final Pattern PARAGRAPH = Pattern.compile("[0-9]{1,4}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    public Citation {
        Objects.requireNonNull(meetingDate, "meeting date");
        organ = normaliseOrgan(organ);
        if (paragraph != null && (paragraph < 1 || paragraph > 9999)) {
            throw new InvalidCitationException("paragraph § " + paragraph + " must be between 1 and 9999");
        }
    }

    /** Builds a citation from its parts, validating each as {@link #parse} would. */
    public static Citation of(String organ, String meetingDate, Integer paragraph) {
        return new Citation(organ, MeetingDate.parse(clean(meetingDate)), paragraph);
    }

    public static Citation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCitationException("a citation is required, e.g. 'KS 2022-03-09 § 70'");
        }
        String cleaned = clean(text);
        Matcher m = CITATION.matcher(cleaned);
        if (!m.matches()) {
            throw new InvalidCitationException("'" + cleaned
                    + "' is not a citation of the form 'ORGAN YYYY-MM-DD § N', e.g. 'KS 2022-03-09 § 70'");
        }
        Integer paragraph = null;
        if (m.group(3) != null) {
            if (!PARAGRAPH.matcher(m.group(3)).matches()) {
                throw new InvalidCitationException("paragraph '" + m.group(3)
                        + "' must be 1 to 4 digits 0–9 after '§'");
            }
            paragraph = Integer.valueOf(m.group(3));
        } else if (cleaned.indexOf('§') >= 0) {
            throw new InvalidCitationException("'§' must be followed by the paragraph number");
        }
        return new Citation(m.group(1), MeetingDate.parse(m.group(2)), paragraph);
    }

    /** No paragraph, or the paper gives only year and month. */
    public boolean incomplete() {
        return paragraph == null || meetingDate.monthOnly();
    }

    public DecisionId decisionId() {
        String slugOrgan = organ.toLowerCase(Locale.ROOT)
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o');
        String id = slugOrgan + "-" + meetingDate + (paragraph == null ? "" : "-p" + paragraph);
        return new DecisionId(id);
    }

    /** The canonical written form, e.g. {@code KS 2022-03-09 § 70} or {@code KF 2020-10}. */
    @Override
    public String toString() {
        return organ + " " + meetingDate + (paragraph == null ? "" : " § " + paragraph);
    }

    private static String normaliseOrgan(String organ) {
        if (organ == null || organ.isBlank()) {
            throw new InvalidCitationException("organ is required (e.g. KF, KS, KSAU)");
        }
        String cleaned = clean(organ);
        if (!ORGAN.matcher(cleaned).matches()) {
            throw new InvalidCitationException("organ '" + organ
                    + "' must be 2 to 10 letters A–Z, Å, Ä or Ö (e.g. KF, KS, KSAU)");
        }
        return cleaned.toUpperCase(Locale.ROOT);
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    }
}
