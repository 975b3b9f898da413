package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentRecorder;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * In headless Chromium: the account page's incident card draws its trend chart (Chart.js under the portal's CSP),
 * an analyst follows it to the list, opens an incident, sees its evidence and acknowledges and resolves it.
 */
@IntegrationTest
class IncidentJourneyIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;

    @Test
    void anAdministratorFollowsTheCardToAnIncidentAndItsEvidenceAndResolvesIt() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey");
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        String title = "Brute force against " + account.portalUser();
        long incident = fixtures.incident(account.id(), "brute-force", "HIGH", title, at, at.plusSeconds(2),
                fixtures.detections(account.id(), at, 3, "journey-line-"));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            browser.get("/accounts/" + account.id());
            assertThat(browser.text(By.id("unresolved-HIGH"))).isEqualTo("High: 1");
            // Chart.js styles the canvas once it has drawn: proof its script ran under the CSP
            browser.waitFor(By.cssSelector("#incident-trend[style*='box-sizing']"));

            browser.clickAndLoad(By.id("incidents-link"));
            browser.waitForPath("/accounts/" + account.id() + "/incidents");
            browser.clickAndLoad(By.linkText(title));
            browser.waitForPath("/incidents/" + incident);
            assertThat(browser.text(By.id("evidence"))).contains("alice");
            assertThat(browser.all(By.cssSelector("#evidence tbody tr"))).hasSize(3);

            browser.clickAndLoad(By.id("acknowledge"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("The incident is acknowledged.");
            assertThat(browser.text(By.id("incident-status"))).isEqualTo("Acknowledged");
            browser.clickAndLoad(By.id("resolve"));
            assertThat(browser.text(By.id("incident-status"))).isEqualTo("Resolved");
            assertThat(browser.text(By.id("resolved-by"))).startsWith("admin on ");

            browser.clickAndLoad(By.linkText("Incidents"));
            browser.waitForPath("/incidents");
            assertThat(browser.text(By.id("incident-" + incident))).contains(title, account.name(), "Resolved");
        }
    }
}
