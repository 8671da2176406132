package se.malspar.kernel.common;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a recorded change comes from, carried in the metadata of its command and of every event
 * it causes (beside {@code userId}), so that it is kept with the event whatever the event's type:
 * the paper ({@link Source}: document, locator, quote, document date), a note on the entry, and
 * for a bulk import its origin and the version of the file it was read from. Flat string values
 * so that every reader (audit trail, projections) gets them as written.
 */
public final class Provenance {

    public static final String ORIGIN = "origin";
    public static final String HISTORY_FILE = "historyFile";
    public static final String HISTORY_FILE_VERSION = "historyFileVersion";
    public static final String SOURCE_DOCUMENT = "sourceDocument";
    public static final String SOURCE_LOCATOR = "sourceLocator";
    public static final String SOURCE_QUOTE = "sourceQuote";
    public static final String SOURCE_DOCUMENT_DATE = "sourceDocumentDate";
    public static final String NOTE = "sourceNote";
    /** Every key, for the correlation that copies them from a command onto its events. */
    public static final String[] KEYS = {ORIGIN, HISTORY_FILE, HISTORY_FILE_VERSION, SOURCE_DOCUMENT, SOURCE_LOCATOR,
            SOURCE_QUOTE, SOURCE_DOCUMENT_DATE, NOTE};

    /** The origin of events written by the history import. */
    public static final String HISTORY_IMPORT = "history-import";

    private Provenance() {
    }

    /** A paper and the place in it that says what the change records; the date only when the paper gives it. */
    public record Source(String document, String locator, String quote, LocalDate documentDate) {

        /** The metadata entries for this source (absent parts left out). */
        public Map<String, Object> toMetaData() {
            Map<String, Object> map = new HashMap<>();
            put(map, SOURCE_DOCUMENT, document);
            put(map, SOURCE_LOCATOR, locator);
            put(map, SOURCE_QUOTE, quote);
            put(map, SOURCE_DOCUMENT_DATE, documentDate == null ? null : documentDate.toString());
            return map;
        }
    }

    /**
     * The provenance of a message's metadata in the shape reads show it: {@code origin},
     * {@code historyFile}, {@code historyFileVersion}, {@code source {document, locator, quote,
     * documentDate}}, {@code note}; null when the metadata carries none.
     */
    public static Map<String, Object> view(Map<String, ?> metaData) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        copy(view, "origin", metaData.get(ORIGIN));
        copy(view, "historyFile", metaData.get(HISTORY_FILE));
        copy(view, "historyFileVersion", metaData.get(HISTORY_FILE_VERSION));
        Map<String, Object> source = new java.util.LinkedHashMap<>();
        copy(source, "document", metaData.get(SOURCE_DOCUMENT));
        copy(source, "locator", metaData.get(SOURCE_LOCATOR));
        copy(source, "quote", metaData.get(SOURCE_QUOTE));
        copy(source, "documentDate", metaData.get(SOURCE_DOCUMENT_DATE));
        if (!source.isEmpty()) {
            view.put("source", source);
        }
        copy(view, "note", metaData.get(NOTE));
        return view.isEmpty() ? null : view;
    }

    private static void copy(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
