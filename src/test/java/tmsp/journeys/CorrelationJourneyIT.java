package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

/**
 * In a real headless Chromium: an administrator opens an account whose appliance reported an outbreak, runs
 * correlation for that day, and follows the incident it raised to the detections behind it.
 */
@IntegrationTest
class CorrelationJourneyIT {

    static final String DAY = "2026-11-26";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void anAdministratorRunsCorrelationAndFollowsAnIncidentToItsEvidence() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey correlation");
        String threat = "WORM_JOURNEY." + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        uploadOutbreak(account, threat);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            browser.get("/accounts/" + account.id());
            assertThat(browser.text(By.id("correlation-runs-empty"))).isEqualTo("No correlation runs yet.");
            browser.setValue("day", DAY);
            browser.clickAndLoad(By.id("run-correlation"));

            browser.waitForPath("/accounts/" + account.id() + "(#correlation)?");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("Correlation of " + DAY + " queued");
            assertThat(browser.text(By.id("correlation-runs"))).contains(DAY, "On demand", "Queued");

            // The job executor is off in tests: run the job as it would have.
            long runId = jdbc.queryForObject("select id from correlation_runs where account_id = ?", Long.class, account.id());
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("run-" + runId)
                    .singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

            browser.get("/accounts/" + account.id());
            assertThat(browser.text(By.id("correlation-run-" + runId))).contains(DAY, "Done", "3");
            browser.clickAndLoad(By.id("incidents-link"));
            browser.waitForPath("/accounts/" + account.id() + "/incidents.*");
            browser.clickAndLoad(By.partialLinkText(threat));

            browser.waitForPath("/incidents/\\d+.*");
            assertThat(browser.text(By.id("incident-title"))).contains(threat, "3 hosts");
            assertThat(browser.all(By.cssSelector("#evidence tbody tr"))).hasSize(3);
            assertThat(browser.text(By.id("evidence"))).contains("pc-1", "pc-2", "pc-3");
        }
    }

    private void uploadOutbreak(TestAccounts.Created account, String threat) throws Exception {
        ApplianceClient appliance = new ApplianceClient(port);
        String token = json.readTree(appliance.register(account, "DISCOVERY", UUID.randomUUID().toString()).body())
                .get("token").asText();
        StringBuilder lines = new StringBuilder();
        for (int host = 1; host <= 3; host++) {
            lines.append("{\"eventTime\":\"").append(DAY).append("T14:0").append(host).append(":00Z\",")
                    .append("\"severity\":\"medium\",\"threatType\":\"Malware\",\"threatName\":\"").append(threat)
                    .append("\",\"sourceHost\":\"pc-").append(host).append("\"}\n");
        }
        HttpResponse<String> answer = appliance.post("/api/v1/logs", "Bearer " + token, "application/x-ndjson",
                lines.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
