package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * In a real headless Chromium: an administrator opens Configure Notifications from the account page and ticks a
 * contact for outbreaks; an outbreak is raised, and the contact's mail arrives at the mail server (GreenMail).
 */
@IntegrationTest
class NotificationJourneyIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void anAdministratorSubscribesAContactToOutbreaksAndTheMailArrives() throws Exception {
        mvc.perform(post("/admin/mail").with(user("journey-admin").roles("ADMIN")).with(csrf())
                .param("host", "127.0.0.1").param("port", String.valueOf(SMTP.getSmtp().getPort()))
                .param("security", "NONE").param("sender", "tmsp@example.org"));
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey");
        String location = mvc.perform(post("/api/v1/accounts/{id}/contacts", account.id())
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"name\":\"Sam Soc\",\"email\":\"sam@example.org\",\"language\":\"en\"}"))
                .andReturn().getResponse().getHeader("Location");
        String contactKey = "contact-" + location.substring(location.lastIndexOf('/') + 1);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            browser.get("/accounts/" + account.id());
            browser.clickAndLoad(By.id("configure-notifications-link"));
            browser.waitForPath("/accounts/" + account.id() + "/notifications");
            browser.click(By.id("sub-OUTBREAK-" + contactKey));
            browser.clickAndLoad(By.id("save-subscriptions"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("The notifications were saved");
            assertThat(browser.waitFor(By.id("sub-OUTBREAK-" + contactKey)).isSelected()).isTrue();
            assertThat(browser.waitFor(By.id("sub-HEARTBEAT_MISSING-" + contactKey)).isSelected()).isFalse();
        }

        long incident = System.nanoTime();
        Instant now = Instant.now();
        transactions.executeWithoutResult(s -> events.publishEvent(new IncidentRaised(incident, account.id(),
                "malware-outbreak", "journey-" + incident, "Malware outbreak: Qakbot on 4 hosts", "CRITICAL",
                List.of(), List.of("a", "b", "c", "d"), List.of("Qakbot"), now, now, 12)));
        ProcessInstance process = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("outbreak:" + incident).singleResult(), p -> p != null);
        management.executeJob(management.createJobQuery().processInstanceId(process.getId()).singleResult().getId());

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("sam@example.org");
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains("Outbreak containment triggered", "Qakbot");
    }
}
