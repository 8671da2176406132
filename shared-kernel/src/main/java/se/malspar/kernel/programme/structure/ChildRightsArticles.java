package se.malspar.kernel.programme.structure;

import java.util.List;
import java.util.TreeSet;

/** The rule for a goal's Barnkonventionen articles: each an article of the convention (1–54), listed once. */
public final class ChildRightsArticles {

    public static final int FIRST = 1;
    public static final int LAST = 54;

    private ChildRightsArticles() {
    }

    /** The articles ascending and distinct; an article outside 1–54 is refused, naming it and its place in the list. */
    public static List<Integer> normalise(List<Integer> articles) {
        if (articles == null) {
            throw new IllegalArgumentException("articles is required (an empty list unlinks the goal)");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int i = 0; i < articles.size(); i++) {
            Integer article = articles.get(i);
            if (article == null || article < FIRST || article > LAST) {
                throw new IllegalArgumentException("articles must be articles of the convention, " + FIRST + " to "
                        + LAST + "; articles[" + i + "] is " + article);
            }
            sorted.add(article);
        }
        return List.copyOf(sorted);
    }
}
