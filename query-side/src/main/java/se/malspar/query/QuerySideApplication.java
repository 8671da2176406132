package se.malspar.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side on its own (port 8082): projections and the read API, fed from the shared
 * event store.
 */
@SpringBootApplication(scanBasePackages = {"se.malspar.platform", "se.malspar.query"})
@AutoConfigurationPackage(basePackages = "se.malspar")
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
