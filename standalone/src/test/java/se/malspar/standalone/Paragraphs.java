package se.malspar.standalone;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paragraph numbers (§) for decisions that tests register: each one is handed out once per test
 * JVM, whatever the organ and meeting date, so tests sharing a Spring context (and so a database)
 * never register the same decision by chance. They start above the paragraphs tests write by hand
 * (all below 1000); a citation allows at most § 9999.
 */
public final class Paragraphs {

    private static final int FIRST = 1000;
    private static final int LAST = 9999;
    private static final AtomicInteger NEXT = new AtomicInteger(FIRST);

    private Paragraphs() {
    }

    /** A paragraph no other test in this JVM has been given. */
    public static int next() {
        int paragraph = NEXT.getAndIncrement();
        if (paragraph > LAST) {
            throw new IllegalStateException("the tests have used every paragraph from " + FIRST + " to " + LAST);
        }
        return paragraph;
    }
}
