package se.malspar.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own (port 8081): aggregates and the admin API. Runs against the
 * same database as the query side (see README, distributed mode).
 */
@SpringBootApplication(scanBasePackages = {"se.malspar.platform", "se.malspar.command"})
@AutoConfigurationPackage(basePackages = "se.malspar")
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
