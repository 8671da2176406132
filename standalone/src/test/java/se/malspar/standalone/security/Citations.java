package se.malspar.standalone.security;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Citations no other test in the same context uses, so tests sharing a database stay independent. */
final class Citations {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(9000));

    private Citations() {
    }

    /** A fresh paragraph of the meeting KS 2022-03-09 (1–9999). */
    static int freshParagraph() {
        return 1 + NEXT.getAndIncrement() % 9999;
    }

    /** A complete, valid registration body for {@code KS 2022-03-09 § paragraph}. */
    static String registration(int paragraph, String title) {
        return """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": "%s"}""".formatted(paragraph, title);
    }

    static String decisionId(int paragraph) {
        return "ks-2022-03-09-p" + paragraph;
    }
}
