package se.malspar.platform.database;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells the migrations (placeholder {@code appRole}) which role the application connects as, so
 * V8 grants it only what it needs: {@code malspar.database.app-role}, otherwise the embedded
 * database's {@value EmbeddedDatabase#APP_ROLE}, otherwise {@code spring.datasource.username}.
 */
@AutoConfiguration
public class DatabaseRolesAutoConfiguration {

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(Environment env) {
        boolean embedded = env.getProperty("spring.datasource.url", "").isEmpty();
        String appRole = env.getProperty("malspar.database.app-role",
                embedded ? EmbeddedDatabase.APP_ROLE : env.getProperty("spring.datasource.username", ""));
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appRole", appRole);
            configuration.placeholders(placeholders);
        };
    }
}
