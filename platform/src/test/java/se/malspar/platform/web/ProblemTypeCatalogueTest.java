package se.malspar.platform.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code Målspår can answer with has a page behind its {@code type}, in Swedish and English. */
class ProblemTypeCatalogueTest {

    /** Where a code is given: a refusal of a rule, a problem built directly, the status table. */
    private static final Pattern CODE = Pattern.compile(
            "(?:RuleViolationException\\(\\s*|Problems\\.problem\\(\\s*|Map\\.entry\\(|\"uk_[a-z_]+\",\\s*)\"([A-Z][A-Z_]+)\"");

    @Test
    void everyCodeInTheCodeBaseHasAPage() {
        Set<String> codes = new TreeSet<>();
        for (String module : new String[]{"shared-kernel", "platform", "command-side", "query-side"}) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher m = CODE.matcher(read(f));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(codes).as("codes found in the sources").contains("NOT_FOUND", "DECISION_NOT_REGISTERED",
                "DUPLICATE_NAME", "KOLADA_UNAVAILABLE", "TOO_MANY_REQUESTS");
        assertThat(ProblemTypePages.entries().keySet()).containsAll(codes).contains("REFUSED");
    }

    @Test
    void typeIsTheCodesPageOnTheAnsweringHost() {
        assertThat(Problems.problem("DECISION_NOT_REGISTERED", "x").getType().toString())
                .isEqualTo("/problem/decision-not-registered");
        assertThat(ProblemTypePages.entry("decision-not-registered")).isPresent();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
