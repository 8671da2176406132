package se.malspar.standalone.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser (headless Chromium through Selenium), on the Vaggeryd history as the
 * demo start imports it, plus one indicator of this test's own with measurements and verdicts (the
 * history has none). README's guided tour is walked by clicking; every page is checked with axe-core
 * and photographed into target/screenshots.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class, properties = "malspar.seed-history=on-empty")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserTest {

    static final String PROGRAMME = "vaggeryd-hallbarhetsprogram";
    static final String PROGRAMME_NAME = "Strategiskt hållbarhets- och utvecklingsprogram";
    static final String PASSWORD = MalsparApplicationTest.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    ApiClient api;
    Browser auditor;
    String indicator;

    @BeforeAll
    void startBrowserAndRecordMeasurements() {
        api = new ApiClient(port);
        indicator = TimelineIndicator.create(api);
        auditor = new Browser(port);
        auditor.logIn("auditor", PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (auditor != null) {
            auditor.close();
        }
    }

    @Test
    void loginByFormLeadsToTheStartPageWithTheProgrammes() {
        auditor.open("/");
        assertThat(auditor.find("h1").getText()).isEqualTo("Målspår");
        assertThat(auditor.text()).contains(PROGRAMME_NAME, "Inloggad som auditor");
    }

    @Test
    void goal4BeforeAndAfterKs2022_03_09_p70ByClicking() {
        auditor.open("/");
        auditor.click(PROGRAMME_NAME);
        auditor.click("2021-01-13");
        assertThat(goal4()).contains("Delmål: Alla invånare är en resurs").doesNotContain("Delmål: Tillgänglighet");
        auditor.click("2022-03-09");
        assertThat(goal4()).contains("Delmål: Tillgänglighet");
        assertThat(auditor.find("#mal-KF4").getText()).startsWith("KF4");

        auditor.click("Vad har ändrats, och enligt vilka beslut?");
        WebElement row = auditor.all("main table tbody tr").stream()
                .filter(r -> r.getText().contains("Tillgänglighet")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("2022-03-09", "Delmålet", "tillkom", "KS 2022-03-09 § 70");
        WebElement page = auditor.find("html");
        row.findElement(By.linkText("KS 2022-03-09 § 70")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(auditor.driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));

        assertThat(auditor.find("h1").getText()).isEqualTo("KS 2022-03-09 § 70");
        assertThat(auditor.find("main table").getText()).contains("Delmål lades till: Tillgänglighet",
                "Källa:", "med ett nytt delmål Tillgänglighet under mål 4", "seeds/001_f8f93598c9526a84.txt l. 37");
        assertThat(auditor.find("dl.uppgifter").getText()).contains("Status", "antaget");
    }

    @Test
    void theAmbitionHistoryOfGymnasiebehorighetNamesItsDecisionAndItsAmbiguity() {
        auditor.open("/program/" + PROGRAMME + "?validAt=2022-03-10");
        auditor.click("Gymnasiebehörighet");
        assertThat(auditor.find("h1").getText()).isEqualTo("Gymnasiebehörighet");
        String ambitions = auditor.find("#ambitionsnivaer + table").getText();
        assertThat(ambitions).contains("+ 4% över riket 2022", "KS 2021-01-13 § 12", "2021-01-13", "Tvetydig",
                "procent eller procentenheter");
        WebElement page = auditor.find("html");
        auditor.find("#ambitionsnivaer + table").findElement(By.linkText("KS 2021-01-13 § 12")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(auditor.driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        assertThat(auditor.find("h1").getText()).isEqualTo("KS 2021-01-13 § 12");
    }

    @Test
    void theProgrammeInOctober2020IsShownWithAnUncertainDate() {
        auditor.open("/program/" + PROGRAMME + "?validAt=2020-10-15");
        assertThat(auditor.text()).contains("Osäkert datum", "2020-10", "(osäkert datum)")
                .doesNotContain("Programmet hade inte trätt i kraft");
        auditor.open("/program/" + PROGRAMME + "?validAt=2020-12-31");
        assertThat(auditor.text()).contains("Gäller från 2020-10").doesNotContain("Osäkert datum", "(osäkert datum)");
    }

    @Test
    void theIncompleteDecisionsAreListedAndSayWhatIsMissing() {
        auditor.open("/");
        auditor.click("Ofullständiga beslut");
        List<String> citations = auditor.all("main table tbody th a").stream().map(WebElement::getText).toList();
        assertThat(citations).containsExactly("KF 2019-05", "KS 2020-02", "KF 2020-10", "KSAU 2022-06-15", "KS 2022-08");
        auditor.click("KS 2022-08");
        assertThat(auditor.text()).contains("Ofullständigt beslut", "saknas i protokollet", "Planerat beslut");
        assertThat(auditor.find("dl.uppgifter").getText()).contains("planerat");
    }

    @Test
    void theTimelineMarksEachAmbitionStepWithItsDecisionAndSaysWhyRed() {
        auditor.open("/matvarden/" + indicator);
        List<String> steps = auditor.all("figure svg a").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(steps).hasSize(2).allSatisfy(href -> assertThat(href).contains("/beslut/ks-"));
        assertThat(auditor.all("figure svg a").get(0).getAttribute("aria-label"))
                .contains("minst 80 %", TimelineIndicator.FIRST_AMBITION);

        String table = auditor.find("#matningar + table").getText();
        assertThat(table).contains("årsredovisning 2021", "75,0", "78,2", "77,1", "rött")
                .contains("årsredovisning 2022", "72,5", "gult");
        String why = auditor.find("#varfor-2021-AR").findElement(By.xpath("..")).getText();
        assertThat(why).contains("rött", "Beräknad enligt bedömningsprincipen version");
        assertThat(auditor.all("section .forklaring").get(0).getText()).isNotBlank();
    }

    @Test
    void theAuditTrailIsFilteredByDecisionAndByUser() {
        auditor.open("/beslut/ks-2022-03-09-p70");
        auditor.click("Händelserna som nämner beslutet");
        List<WebElement> rows = auditor.all("main table tbody tr");
        // its own events (registration, verifications) and every change citing it
        assertThat(rows).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.getText()).containsAnyOf("KS 2022-03-09 § 70", "ks-2022-03-09-p70"));
        WebElement page = auditor.find("html");
        rows.get(0).findElement(By.linkText("strategy")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(auditor.driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        assertThat(auditor.path()).contains("anvandare=strategy");
        assertThat(auditor.all("main table tbody tr")).hasSize(50)
                .allSatisfy(r -> assertThat(r.getText()).contains("strategy"));
        auditor.click("Nästa sida");
        assertThat(auditor.path()).contains("efter=");
    }

    @Test
    void everyPageHasNoAccessibilityViolationsAndIsPhotographed() {
        List<String[]> pages = List.of(
                new String[]{"start", "/"},
                new String[]{"program", "/program/" + PROGRAMME + "?validAt=2022-03-10"},
                new String[]{"andringar", "/program/" + PROGRAMME + "/andringar?from=2021-06-01&to=2022-03-10"},
                new String[]{"matvarde-gymnasiebehorighet", "/matvarden/kf2-gymnasiebehorighet"},
                new String[]{"matvarde-tidslinje", "/matvarden/" + indicator},
                new String[]{"beslut", "/beslut"},
                new String[]{"beslut-ks-2022-03-09-p70", "/beslut/ks-2022-03-09-p70"},
                new String[]{"handelser", "/handelser"},
                new String[]{"fel-404", "/beslut/ks-1999-01-01-p1"});
        for (String[] page : pages) {
            auditor.open(page[1]);
            auditor.checkAccessibleAndKeep(page[0]);
        }
    }

    @Test
    void aKeyboardAloneSkipsToTheContentAndLogsIn() {
        try (Browser keyboard = new Browser(port)) {
            keyboard.open("/login");
            // autofocus puts the cursor in the user name; the rest is typing, Tab and Enter.
            keyboard.driver.switchTo().activeElement().sendKeys("auditor", Keys.TAB, PASSWORD, Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> keyboard.path().equals("/"));
            keyboard.checkAccessibleAndKeep("login-efter");
            keyboard.open("/program/" + PROGRAMME);
            keyboard.find("body").sendKeys(Keys.TAB);
            WebElement first = keyboard.driver.switchTo().activeElement();
            assertThat(first.getText()).isEqualTo("Hoppa till innehållet");
            first.sendKeys(Keys.ENTER);
            assertThat(keyboard.path()).endsWith("#innehall");
            keyboard.open("/login?utloggad");
            keyboard.checkAccessibleAndKeep("login");
        }
    }

    @Test
    void aPageWithoutLoginLeadsToTheLoginFormAndAWrongPasswordIsSaidSo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/program/" + PROGRAMME))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        try (Browser wrong = new Browser(port)) {
            wrong.logIn("auditor", "fel-lösenord");
            assertThat(wrong.find("[role=alert]").getText()).isEqualTo("Fel användarnamn eller lösenord.");
        }
    }

    @Test
    void aRevisorRecordsAVerificationFromThePageAndSeesItInTheRegister() {
        try (Browser revisor = new Browser(port)) {
            revisor.logIn("revisor", PASSWORD);
            revisor.open("/beslut/ks-2022-03-09-p70");
            revisor.checkAccessibleAndKeep("beslut-verifieringsformular");
            revisor.find("#utfall-VERIFIED").click();
            revisor.find("#protocolReference").sendKeys("Protokoll KS 2022-03-09, s. 12, § 70");
            revisor.find("#note").sendKeys("Delmålet Tillgänglighet stämmer med paragrafen.");
            revisor.submit("form.verifiering button[type=submit]");

            assertThat(revisor.text()).as(revisor.path()).contains("Din verifiering är registrerad.");
            String verifications = revisor.find("#granskning ~ table").getText();
            assertThat(verifications).contains("verifierat – stämmer med protokollet", "Protokoll KS 2022-03-09, s. 12, § 70",
                    "av revisor");
            assertThat(revisor.find("#granskning + p").getText()).startsWith("Status: verifierat.");
            revisor.checkAccessibleAndKeep("beslut-verifierat");

            revisor.click("Granskning");
            new org.openqa.selenium.support.ui.Select(revisor.find("#status")).selectByValue("VERIFIED");
            revisor.submit("main form button[type=submit]");
            assertThat(revisor.all("main table tbody th a").stream().map(WebElement::getText).toList())
                    .contains("KS 2022-03-09 § 70");
            revisor.checkAccessibleAndKeep("granskning");
            revisor.open("/beslut?status=VERIFIED");
            assertThat(revisor.all("main table tbody th a").stream().map(WebElement::getText).toList())
                    .contains("KS 2022-03-09 § 70").doesNotContain("KS 2022-08");

            revisor.open("/beslut/ks-2022-03-09-p70");
            String href = revisor.driver.findElement(By.partialLinkText("granskningspaketet")).getAttribute("href");
            Object pack = ((org.openqa.selenium.JavascriptExecutor) revisor.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                            + " + r.headers.get('content-type') + ' ' + new Uint8Array(b).slice(0, 2).join(','))));", href);
            // a ZIP starts with "PK" (80, 75)
            assertThat(pack).isEqualTo("200 application/zip 80,75");
        }
    }

    @Test
    void anAuditorSeesNoVerificationFormAndAForgedPostIsRefused() {
        auditor.open("/beslut/ks-2022-03-09-p70");
        assertThat(auditor.all("form.verifiering")).isEmpty();
        assertThat(auditor.driver.findElements(By.partialLinkText("granskningspaketet"))).hasSize(1);
        String token = auditor.find("form.utloggning input[name=_csrf]").getAttribute("value");
        String form = "outcome=VERIFIED&protocolReference=forged&treeSize=1";
        assertThat(post(auditor, "/beslut/ks-2022-03-09-p70/verifieringar", form + "&_csrf=" + token))
                .as("the auditor's own session and token, but not a revisor").isEqualTo(403L);
        try (Browser revisor = new Browser(port)) {
            revisor.logIn("revisor", PASSWORD);
            revisor.open("/beslut/ks-2022-03-09-p70");
            assertThat(post(revisor, "/beslut/ks-2022-03-09-p70/verifieringar", form))
                    .as("a revisor's session without the CSRF token (a forged cross-site post)").isEqualTo(403L);

            // with the token, what the form's own checks would catch is still checked on the server
            String revisorToken = revisor.find("form.verifiering input[name=_csrf]").getAttribute("value");
            int verifications = revisor.all("#granskning ~ table tbody tr").size();
            assertThat(post(revisor, "/beslut/ks-2022-03-09-p70/verifieringar",
                    "outcome=VERIFIED&protocolReference=&treeSize=1&_csrf=" + revisorToken)).isEqualTo(400L);
            assertThat(post(revisor, "/beslut/ks-2022-03-09-p70/verifieringar",
                    "outcome=VERIFIED&protocolReference=s.%2012&treeSize=999999&_csrf=" + revisorToken))
                    .as("a checkpoint that was never signed").isEqualTo(422L);
            revisor.open("/beslut/ks-2022-03-09-p70");
            assertThat(revisor.all("#granskning ~ table tbody tr")).as("nothing recorded").hasSize(verifications);
        }
    }

    @Test
    void aRevisorStartsACheckOfTheStoreAndWatchesItPass() {
        try (Browser revisor = new Browser(port)) {
            revisor.logIn("revisor", PASSWORD);
            assertThat(revisor.find("#integritetsstatus").getText()).isEqualTo("Integritetsstatus");
            revisor.click("Integritet");
            revisor.checkAccessibleAndKeep("integritet");
            revisor.submit("main form button[type=submit]");
            assertThat(revisor.path()).startsWith("/integritet/verifieringar/");
            // the page's script refreshes the progress region until the check is done
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(revisor.find("#framsteg").getText()).contains("godkänd – allt stämmer"));
            revisor.checkAccessibleAndKeep("integritet-kontroll");
        }
    }

    /** A POST from the page's own origin with the browser's session cookie, as a forged form would send it. */
    private static long post(Browser browser, String path, String body) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', redirect: 'manual', credentials: 'same-origin',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1]})"
                        + ".then(r => done(r.status), e => done(-1));", path, body);
    }

    private String goal4() {
        return auditor.find("#mal-KF4").findElement(By.xpath("..")).getText();
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
