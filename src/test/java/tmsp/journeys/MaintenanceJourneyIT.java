package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;

/**
 * In a real headless Chromium: an administrator opens Administration › Log maintenance, sees the storage chart,
 * is told off for a retention of 0 days, keeps quarantined lines 45 days, presses Purge now and watches the run
 * finish: the line older than 45 days is gone, the younger one stays.
 */
@IntegrationTest
class MaintenanceJourneyIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void defaults() {
        jdbc.update("delete from retention_settings");
    }

    @Test
    void anAdministratorChangesARetentionAndPurgesNow() {
        String marker = "journey-" + UUID.randomUUID();
        quarantined(marker, Instant.now().minus(Duration.ofDays(50)));
        quarantined(marker, Instant.now().minus(Duration.ofDays(40)));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            browser.click(By.linkText("Administration"));
            browser.clickAndLoad(By.cssSelector(".dropdown-menu a[href='/admin/maintenance']"));
            browser.waitForPath("/admin/maintenance");
            assertThat(browser.text(By.id("retention"))).contains("Detection logs", "Quarantined lines", "Incidents",
                    "System logs");
            assertThat(browser.text(By.id("storage-quarantine"))).matches("\\d+(\\.\\d)? (B|KB|MB|GB)");
            // Chart.js has drawn the chart: it sizes the canvas itself
            assertThat(browser.waitForId("storage-chart").getDomAttribute("style")).contains("box-sizing");

            browser.type("retention.quarantine", "0");
            browser.clickAndLoad(By.id("save-retention"));
            assertThat(browser.text(By.id("retention-error-quarantine"))).isEqualTo("Keep it from 1 to 3650 days.");
            assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("Nothing was saved");

            browser.type("retention.quarantine", "45");
            browser.clickAndLoad(By.id("save-retention"));
            browser.waitForPath("/admin/maintenance");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("Retention saved");
            assertThat(browser.value("retention.quarantine")).isEqualTo("45");

            browser.click(By.id("purge-now"));
            browser.clickAndLoad(By.id("confirm-ok"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).containsPattern("Purge #\\d+ started");
            long run = jdbc.queryForObject("select max(id) from purge_runs", Long.class);
            // htmx polls the runs card until the run is over
            browser.waitFor(By.xpath("//tr[@id='run-" + run + "']//span[contains(@class,'run-status') and text()='Done']"));
            assertThat(browser.text(By.id("run-" + run + "-quarantine"))).startsWith("Quarantined lines:")
                    .contains("removed (older than");
            assertThat(browser.text(By.id("run-" + run))).contains("admin", "Purge now");
        }
        assertThat(jdbc.queryForList("select received_at from quarantined_lines where line = ?", Timestamp.class, marker))
                .hasSize(1).allSatisfy(t -> assertThat(t.toInstant()).isAfter(Instant.now().minus(Duration.ofDays(45))));
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'RETENTION_CHANGED'"
                + " and target = 'retention of quarantine' and details like '% to 45 days'", Long.class)).isPositive();
    }

    private void quarantined(String line, Instant receivedAt) {
        jdbc.update("insert into quarantined_lines (source, code, reason, line, received_at) values ('journey', 'X',"
                + " 'journey', ?, ?)", line, Timestamp.from(receivedAt));
    }
}
