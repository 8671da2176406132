package se.malspar.command.kolada;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code malspar.kolada.*}: the Kolada area ids the import maps (Vaggeryd, Jönköpings län, riket)
 * and where {@code /fetch} reads from. An empty {@code base-url} switches fetching off (503);
 * uploading a file works without it.
 *
 * @param municipality     the municipality whose figure becomes the measurement (Vaggeryd)
 * @param county           the area whose figure becomes the COUNTY reference value (Jönköpings län)
 * @param national         the area whose figure becomes the NATIONAL reference value (riket)
 * @param baseUrl          Kolada's v3 API; {@code /data/kpi/…/municipality/…} is appended
 * @param timeout          how long a request to Kolada may take
 * @param maxPages         pages followed through {@code next_url} before the fetch gives up
 * @param maxResponseBytes bytes read from Kolada per page (8 MiB)
 */
@ConfigurationProperties(prefix = "malspar.kolada")
record KoladaProperties(@DefaultValue("0665") String municipality,
                        @DefaultValue("0006") String county,
                        @DefaultValue("0000") String national,
                        @DefaultValue("https://api.kolada.se/v3") String baseUrl,
                        @DefaultValue("30s") Duration timeout,
                        @DefaultValue("20") int maxPages,
                        @DefaultValue("8388608") long maxResponseBytes) {
}
