package se.malspar.kernel.ambition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lexical piece of a normalised ambition text, with its position so that unread parts can be
 * quoted exactly as the user wrote them.
 */
record Token(Kind kind, String text, String lower, int start, int end) {

    enum Kind { WORD, NUMBER, PERCENT_SIGN, POINTS_UNIT, PLUS, OPEN, CLOSE, PUNCT }

    // Order matters: "%-enheter" and "p.e." before a bare "%" or word; a grouped number ("1 000")
    // before a plain one; a decimal comma only when a digit follows, so "riket, länet" stays two words.
    private static final Pattern LEXER = Pattern.compile(
            "(?<points>%\\s?-?\\s?enhet(?:er|erna)?(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])p\\.\\s?e\\.?(?![\\p{L}\\p{N}]))"
                    + "|(?<number>\\d{1,3}(?: \\d{3})+(?!\\d)(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)"
                    + "|(?<percent>%)"
                    + "|(?<word>[\\p{L}\\p{M}\\p{N}]+)"
                    + "|(?<plus>\\+)"
                    + "|(?<open>[(\\[])"
                    + "|(?<close>[)\\]])"
                    + "|(?<punct>\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static List<Token> tokenize(String normalised) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = LEXER.matcher(normalised);
        while (m.find()) {
            Kind kind;
            if (m.group("points") != null) {
                kind = Kind.POINTS_UNIT;
            } else if (m.group("number") != null) {
                kind = Kind.NUMBER;
            } else if (m.group("percent") != null) {
                kind = Kind.PERCENT_SIGN;
            } else if (m.group("word") != null) {
                kind = Kind.WORD;
            } else if (m.group("plus") != null) {
                kind = Kind.PLUS;
            } else if (m.group("open") != null) {
                kind = Kind.OPEN;
            } else if (m.group("close") != null) {
                kind = Kind.CLOSE;
            } else {
                kind = Kind.PUNCT;
            }
            String text = m.group();
            // Lower-case per token so offsets into the user's text stay exact.
            tokens.add(new Token(kind, text, text.toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return tokens;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && lower.equals(word);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    BigDecimal number() {
        return new BigDecimal(text.replace(" ", "").replace(',', '.'));
    }

    /** A plain four-digit integer in the range a target year may have. */
    boolean isYear() {
        if (kind != Kind.NUMBER || !text.matches("\\d{4}")) {
            return false;
        }
        int y = Integer.parseInt(text);
        return y >= 1900 && y <= 2100;
    }
}
