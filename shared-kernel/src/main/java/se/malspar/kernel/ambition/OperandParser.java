package se.malspar.kernel.ambition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static se.malspar.kernel.ambition.AmbitionFindings.ELLER_REASON;
import static se.malspar.kernel.ambition.AmbitionFindings.MIXED_GROUPS_REASON;
import static se.malspar.kernel.ambition.AmbitionLexicon.CONNECTORS;
import static se.malspar.kernel.ambition.AmbitionLexicon.KEYWORDS;
import static se.malspar.kernel.ambition.AmbitionLexicon.REFERENCES;
import static se.malspar.kernel.ambition.AmbitionLexicon.REFERENCE_NOUNS;

/** Reads what a condition compares with: margins and thresholds ("2 procentenheter"), references ("riket", "länets snitt") and target groups ("(äldre)"). */
final class OperandParser {

    enum UnitSpelling { NONE, PERCENT_SIGN, PERCENT_WORD, POINTS, COUNT }

    /** A number with the unit as written; {@code start} and {@code end} are token positions. */
    record Margin(BigDecimal value, UnitSpelling spelling, int start, int end) {
    }

    /** A target group's name in parentheses. */
    record Group(String name, int end) {
    }

    record RefItem(RuleReference reference, String group, int end) {
    }

    /** References joined by connectors; {@code rejection} says why the list must not become rules. */
    record RefList(List<RefItem> items, int end, String rejection) {
    }

    private final TokenScanner scan;

    OperandParser(TokenScanner scan) {
        this.scan = scan;
    }

    RefList refList(int k) {
        RefItem first = refItem(k);
        if (first == null) {
            return null;
        }
        List<RefItem> items = new ArrayList<>(List.of(first));
        List<String> separators = new ArrayList<>();
        int end = first.end();
        while (end < scan.size() && CONNECTORS.contains(scan.lower(end))) {
            RefItem next = refItem(end + 1);
            if (next == null) {
                break;
            }
            separators.add(scan.lower(end));
            items.add(next);
            end = next.end();
        }
        String rejection = null;
        if (items.size() > 1) {
            boolean all = items.stream().allMatch(r -> r.group() != null);
            boolean none = items.stream().noneMatch(r -> r.group() != null);
            if (!all && !none) {
                rejection = MIXED_GROUPS_REASON;
            } else if (none && separators.stream().anyMatch(AmbitionParser::isAlternative)) {
                rejection = ELLER_REASON;
            }
        }
        return new RefList(List.copyOf(items), end, rejection);
    }

    private RefItem refItem(int k) {
        int j = k;
        if (scan.isWord(j, "hela")) {
            j++;
        }
        RuleReference reference = j < scan.size() && scan.get(j).is(Token.Kind.WORD)
                ? REFERENCES.get(scan.lower(j)) : null;
        if (reference == null) {
            return null;
        }
        boolean genitive = scan.lower(j).endsWith("ets");
        j++;
        if (genitive && REFERENCE_NOUNS.contains(scan.lower(j))) {
            j++;
        }
        Group g = group(j);
        return g == null ? new RefItem(reference, null, j) : new RefItem(reference, g.name(), g.end());
    }

    /** "(äldre)", "(elever åk 9)": a short name in parentheses that is not itself a condition or a year. */
    Group group(int k) {
        if (k >= scan.size() || !scan.get(k).is(Token.Kind.OPEN)) {
            return null;
        }
        int j = k + 1;
        boolean sawWord = false;
        while (j < scan.size() && j - k <= 5) {
            Token t = scan.get(j);
            if (t.is(Token.Kind.CLOSE)) {
                return sawWord ? new Group(scan.source().substring(scan.get(k + 1).start(), scan.get(j - 1).end()), j + 1)
                        : null;
            }
            if (t.is(Token.Kind.WORD) && !KEYWORDS.contains(t.lower())) {
                sawWord = true;
            } else if (!t.is(Token.Kind.NUMBER) || t.isYear()) {
                return null;
            }
            j++;
        }
        return null;
    }

    Margin margin(int k) {
        int j = k;
        if (j < scan.size() && scan.get(j).is(Token.Kind.PLUS)) {
            j++;
        }
        if (j >= scan.size() || !scan.get(j).is(Token.Kind.NUMBER)) {
            return null;
        }
        BigDecimal value = scan.get(j).number();
        j++;
        UnitSpelling spelling = UnitSpelling.NONE;
        if (j < scan.size()) {
            Token t = scan.get(j);
            String w = t.lower();
            if (t.is(Token.Kind.POINTS_UNIT) || w.startsWith("procentenhet")) {
                spelling = UnitSpelling.POINTS;
                j++;
            } else if (t.is(Token.Kind.PERCENT_SIGN)) {
                spelling = UnitSpelling.PERCENT_SIGN;
                j++;
            } else if (w.equals("procent")) {
                // "procent-enheter" written with a hyphen is still percentage points
                if (scan.isPunct(j + 1, "-", "–") && scan.lower(j + 2).startsWith("enhet")) {
                    spelling = UnitSpelling.POINTS;
                    j += 3;
                } else {
                    spelling = UnitSpelling.PERCENT_WORD;
                    j++;
                }
            } else if (w.equals("st") || w.equals("stycken")) {
                spelling = UnitSpelling.COUNT;
                j++;
            }
        }
        return new Margin(value, spelling, k, j);
    }
}
