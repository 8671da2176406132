package se.malspar.platform.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import se.malspar.kernel.common.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The page behind each problem's {@code type} ({@code /problem/{code}}): what the refusal means and
 * what to do, in Swedish and English, readable without logging in. It lives in the platform, not
 * with the query side's pages, so that every process that can answer a problem also serves its page
 * (in distributed mode the command side answers most refusals). The texts are in
 * {@code problem-types/problem-types.properties}; a test checks that every code the code base can
 * answer with has one.
 */
@RestController
public class ProblemTypePages {

    /** Where the pages live; {@link Problems#typeOf} points here. */
    public static final String PATH = "/problem/";

    /** The web server's own refusal with a status no {@link Refusal} has; the only code that is not one. */
    public static final String REFUSED = "REFUSED";

    private static final Map<String, Entry> ENTRIES = load();

    /** One problem type: its code, and what it means and what to do, in Swedish and English. */
    public record Entry(String code, String titleSv, String meaningSv, String actionSv,
                        String titleEn, String meaningEn, String actionEn) {
    }

    /** The entry for a code as it appears in a problem ({@code NOT_FOUND}) or in its type ({@code not-found}). */
    public static Optional<Entry> entry(String code) {
        return Optional.ofNullable(ENTRIES.get(code.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    public static Map<String, Entry> entries() {
        return ENTRIES;
    }

    @GetMapping(value = PATH + "{code}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String code) {
        Optional<Entry> entry = code.matches("[a-z0-9-]{1,60}") ? entry(code) : Optional.empty();
        if (entry.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(html("Okänd problemtyp – Målspår", "<h1>Okänd problemtyp</h1><p lang=\"sv\">Målspår svarar aldrig "
                            + "med den här problemtypen.</p><p lang=\"en\">Målspår never answers with this problem type.</p>"));
        }
        Entry e = entry.get();
        // REFUSED stands for whatever status the web server chose; every other code has one status.
        String status = REFUSED.equals(e.code()) ? "" : ", HTTP status " + Problems.statusOf(Refusal.valueOf(e.code())).value();
        String body = "<h1>" + esc(e.titleSv()) + "</h1>"
                + "<p>Kod <code>" + esc(e.code()) + "</code>" + status.replace("status", "-status") + ".</p>"
                + "<h2>Vad det betyder</h2><p>" + esc(e.meaningSv()) + "</p>"
                + "<h2>Vad du gör</h2><p>" + esc(e.actionSv()) + "</p>"
                + "<section lang=\"en\"><h2>" + esc(e.titleEn()) + " (English)</h2>"
                + "<p>Code <code>" + esc(e.code()) + "</code>" + status + ".</p>"
                + "<h3>What it means</h3><p>" + esc(e.meaningEn()) + "</p>"
                + "<h3>What to do</h3><p>" + esc(e.actionEn()) + "</p></section>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(html(e.titleSv() + " – Målspår", body));
    }

    private static String html(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title></head><body><main>" + main
                + "<p><a href=\"/\">Målspår</a></p></main></body></html>\n";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static Map<String, Entry> load() {
        Properties texts = new Properties();
        try (InputStream in = ProblemTypePages.class.getResourceAsStream("/problem-types/problem-types.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Entry> entries = new TreeMap<>();
        texts.stringPropertyNames().stream().filter(k -> k.endsWith(".sv.title")).forEach(key -> {
            String code = key.substring(0, key.indexOf('.'));
            entries.put(code, new Entry(code,
                    required(texts, code + ".sv.title"), required(texts, code + ".sv.meaning"),
                    required(texts, code + ".sv.action"), required(texts, code + ".en.title"),
                    required(texts, code + ".en.meaning"), required(texts, code + ".en.action")));
        });
        return Map.copyOf(entries);
    }

    private static String required(Properties texts, String key) {
        String text = texts.getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("problem-types.properties lacks " + key);
        }
        return text.strip();
    }
}
