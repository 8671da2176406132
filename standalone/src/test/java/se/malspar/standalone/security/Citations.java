package se.malspar.standalone.security;

import se.malspar.standalone.Paragraphs;

/** Citations no other test in the same context uses, so tests sharing a database stay independent. */
final class Citations {

    private Citations() {
    }

    /** A fresh paragraph of the meeting KS 2022-03-09: one no other test in this JVM uses. */
    static int freshParagraph() {
        return Paragraphs.next();
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
