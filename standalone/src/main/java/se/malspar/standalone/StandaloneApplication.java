package se.malspar.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Command side and query side in one process (port 8080), on embedded PostgreSQL unless
 * {@code SPRING_DATASOURCE_URL} names another server.
 */
@SpringBootApplication(scanBasePackages = {"se.malspar.platform", "se.malspar.command", "se.malspar.query",
        "se.malspar.standalone.history"})
@AutoConfigurationPackage(basePackages = "se.malspar")
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
