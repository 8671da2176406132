package se.malspar.kernel.ambition;

import java.util.List;

/**
 * The tokens of one normalised text, with the matching helpers the clause parsers share and a
 * record of which tokens were read, so that whatever stays unread can be quoted as written.
 */
final class TokenScanner {

    /** A phrase of the lexicon found at a position; {@code end} is the token after it. */
    record Phrase(AmbitionLexicon.PhraseDef def, int end) {
    }

    private final String source;
    private final List<Token> tokens;
    private final boolean[] used;

    TokenScanner(String source) {
        this.source = source;
        this.tokens = Token.tokenize(source);
        this.used = new boolean[tokens.size()];
    }

    String source() {
        return source;
    }

    int size() {
        return tokens.size();
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    Phrase phraseAt(int i, List<AmbitionLexicon.PhraseDef> defs) {
        for (AmbitionLexicon.PhraseDef def : defs) {
            int end = words(i, def.words());
            if (end > 0) {
                return new Phrase(def, end);
            }
        }
        return null;
    }

    /** The position after {@code words} if they stand at {@code i}, else -1. */
    int words(int i, List<String> words) {
        if (i + words.size() > tokens.size()) {
            return -1;
        }
        for (int w = 0; w < words.size(); w++) {
            if (!isWord(i + w, words.get(w))) {
                return -1;
            }
        }
        return i + words.size();
    }

    boolean isWord(int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }

    boolean isPunct(int i, String... options) {
        if (i >= tokens.size() || !tokens.get(i).is(Token.Kind.PUNCT)) {
            return false;
        }
        return List.of(options).contains(tokens.get(i).text());
    }

    String lower(int i) {
        return i < tokens.size() ? tokens.get(i).lower() : "";
    }

    void mark(int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    boolean used(int i) {
        return used[i];
    }

    String quote(int from, int to) {
        return "”" + source.substring(tokens.get(from).start(), tokens.get(to - 1).end()) + "”";
    }

    String unreadFinding(int from, int to, String reason) {
        return AmbitionReading.UNREAD_PREFIX + quote(from, to) + " (" + reason + ")";
    }
}
