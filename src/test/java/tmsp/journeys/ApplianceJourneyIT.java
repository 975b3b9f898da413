package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** An appliance registers and uploads over the API; the administrator sees it all in the browser. */
@IntegrationTest
class ApplianceJourneyIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void registerUploadAndSeeLastReceivedAndTheQuarantine() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey");
        ApplianceClient appliance = new ApplianceClient(port);
        JsonNode product = json.readTree(appliance.register(account, "DISCOVERY", UUID.randomUUID().toString()).body());
        String token = product.get("token").asText();
        assertThat(appliance.post("/api/v1/heartbeat", "Bearer " + token, "application/json",
                "{\"securityCompliance\":true,\"patternVersion\":\"19.541.00\"}").statusCode()).isEqualTo(200);
        String upload = "CEF:0|Trend Micro|DDI|6.0|20|Malware detected|8|shost=pc-1 malType=TROJAN\n"
                + "CEF:0|Trend Micro|DDI|6.0|20|truncated\n";
        assertThat(appliance.post("/api/v1/logs", "Bearer " + token, "text/plain", upload).statusCode()).isEqualTo(201);

        browser = Browser.open(port);
        browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.get("/accounts?q=" + account.name().replace(' ', '+'));
        String row = browser.text(By.id("account-" + account.id()));
        assertThat(row).contains(account.name()).doesNotContain("No logs received").contains("Enabled");

        browser.clickAndLoad(By.linkText(account.name()));
        assertThat(browser.text(By.id("products"))).contains("tda-01.corp.example", "19.541.00", "Enabled");
        assertThat(browser.text(By.id("quarantine-card"))).contains("tda-01.corp.example", "1");

        browser.clickAndLoad(By.cssSelector("#quarantine-card a"));
        assertThat(browser.text(By.id("quarantine"))).contains("CEF:0|Trend Micro|DDI|6.0|20|truncated");
        assertThat(browser.isPresent(By.id("download-quarantine"))).isTrue();
    }
}
