package se.malspar.standalone.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Imports the Vaggeryd history when the standalone system starts, as
 * {@code malspar.seed-history} ({@code MALSPAR_SEED_HISTORY}) says:
 * {@code false} (default; the demo profile sets {@code on-empty}), {@code on-empty} or
 * {@code true} (only when the event store is empty), {@code always} (on every start; the import
 * is idempotent, so a store that has it gains nothing).
 */
@Component
class HistorySeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistorySeeding.class);

    private final HistoryImporter importer;
    private final String mode;

    HistorySeeding(HistoryImporter importer, @Value("${malspar.seed-history:false}") String mode) {
        this.importer = importer;
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (mode) {
            case "false", "off", "never", "" -> {
            }
            case "true", "on-empty" -> {
                long events = importer.storedEvents();
                if (events == 0) {
                    importer.importHistory();
                } else {
                    log.info("History not imported: the event store is not empty ({} events); "
                            + "use malspar.seed-history=always to replay it (idempotent)", events);
                }
            }
            case "always" -> importer.importHistory();
            default -> throw new IllegalStateException("malspar.seed-history must be false, on-empty, true or always, not '"
                    + mode + "'");
        }
    }
}
