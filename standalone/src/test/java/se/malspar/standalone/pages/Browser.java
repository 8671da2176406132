package se.malspar.standalone.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real headless Chromium (the OS packages {@code chromium} and {@code chromium-driver}) driven
 * by Selenium, logged in as one user. Without the browser the tests fail with the install command:
 * they never skip. Selenium Manager is never asked for a driver: both paths are given.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("malspar.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** WCAG 2.1 A and AA: what EN 301 549 requires of web pages. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final WebDriver driver;
    private final int port;
    private final Path profile;

    Browser(int port) {
        assertThat(new File(CHROMIUM).canExecute()).as("Chromium (%s) is needed for the browser tests: "
                + "apt-get update && apt-get install -y chromium chromium-driver", CHROMIUM).isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("chromedriver (%s) is needed for the browser tests: "
                + "apt-get update && apt-get install -y chromium chromium-driver", CHROMEDRIVER).isTrue();
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("malspar-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--window-size=1280,1600", "--lang=sv-SE",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Logs in through the form, by typing and pressing the button, as a person does. */
    void logIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        submit("form.formular button[type=submit]");
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    void submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String linkText) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.linkText(linkText)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf('/', "http://".length()));
    }

    /** axe-core (Deque's Maven artifact, injected into the page) finds no WCAG 2.1 A/AA violation, and a screenshot is kept. */
    void checkAccessibleAndKeep(String name) {
        screenshot(name);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.getViolations()).as("axe-core violations on %s:%n%s", path(), describe(results.getViolations()))
                .isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", path()).isNotEmpty();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is not worth failing a test over.
        }
    }
}
