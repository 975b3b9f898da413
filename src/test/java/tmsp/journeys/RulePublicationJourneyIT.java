package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;
import tmsp.support.ApplianceClient;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.RuleSets;
import tmsp.support.TestAccounts;

/**
 * In a real headless Chromium, the whole way of a rule change: an analyst lowers the outbreak threshold in a
 * draft, tests it against the account's stored detections and sees the incident it would add, submits it for
 * review; a second analyst approves it in the task list; the next correlation run uses the new version and raises
 * that incident.
 */
@IntegrationTest
class RulePublicationJourneyIT {

    static final String PASSWORD = "journey-password-2";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuleDrafts drafts;
    @Autowired RuleSetStore store;
    @Autowired CorrelationRules rules;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @AfterEach
    void publishTheFirstVersionAgain() {
        RuleSets.publishTheFirstVersionAgain(store, jdbc, rules);
    }

    @Test
    void aThresholdChangeIsTestedReviewedPublishedAndUsedByTheNextRun() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String author = "author-" + suffix;
        String reviewer = "reviewer-" + suffix;
        analyst(author);
        analyst(reviewer);
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey rules " + suffix);
        String threat = "WORM_TWO." + suffix.toUpperCase();
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        uploadTwoHostOutbreak(account, threat, day); // the shipped rule wants 3 hosts

        long id;
        try (Browser browser = Browser.open(port)) {
            browser.logIn(author, PASSWORD);
            browser.get("/rules");
            browser.type("title", "outbreaks from two hosts");
            browser.clickAndLoad(By.id("new-draft"));
            browser.waitForPath("/rules/drafts/\\d+");
            id = Long.parseLong(browser.path().replaceAll("\\D", ""));
            browser.type("param.malware-outbreak.hosts", "2");
            browser.clickAndLoad(By.id("save-parameters"));
            assertThat(browser.value("param.malware-outbreak.hosts")).isEqualTo("2");

            browser.get("/rules/drafts/" + id + "/tests");
            browser.click(By.id("mode-stored"));
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("test-account")))
                    .selectByValue(String.valueOf(account.id()));
            browser.setValue("from", day);
            browser.setValue("to", day);
            browser.clickAndLoad(By.id("test-submit"));
            browser.waitForPath("/rules/drafts/" + id + "/tests/\\d+");
            await().atMost(Duration.ofSeconds(120)).until(() -> browser.isPresent(By.id("added")));
            assertThat(browser.text(By.id("added"))).contains(threat);
            assertThat(browser.text(By.id("removed"))).doesNotContain(threat);

            browser.get("/rules/drafts/" + id + "/review");
            browser.type("comment", "outbreaks show on two hosts already");
            browser.clickAndLoad(By.id("submit-for-review"));
            browser.waitForId("in-review");
            browser.forgetSession();

            browser.logIn(reviewer, PASSWORD);
            Task review = tasks.createTaskQuery().processInstanceId(drafts.get(id).reviewProcessId()).singleResult();
            browser.get("/tasks/" + review.getId());
            assertThat(browser.text(By.id("rule-review-form"))).contains("outbreaks show on two hosts already");
            assertThat(browser.all(By.cssSelector("#rule-review-form .rule-test-summary")))
                    .as("the reviewer sees the author's test").hasSize(1);
            browser.click(By.id("decision-approve"));
            browser.type("comment", "agreed");
            browser.clickAndLoad(By.id("complete-task"));
            browser.waitForPath("/tasks");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("completed");
        }
        // The job executor is off in tests: run the publication job as it would have.
        RuleSetDraft submitted = drafts.get(id);
        management.executeJob(management.createJobQuery().processInstanceId(submitted.reviewProcessId())
                .singleResult().getId());
        RuleSetDraft published = drafts.get(id);
        assertThat(published.state()).isEqualTo("PUBLISHED");
        assertThat(published.author()).isEqualTo(author);
        assertThat(published.reviewer()).isEqualTo(reviewer);
        assertThat(rules.current().version()).isEqualTo(published.label());

        mvc.perform(post("/api/v1/accounts/{id}/correlation-runs", account.id()).with(user(author).roles("ANALYST"))
                .with(csrf()).contentType("application/json").content("{\"day\":\"" + day + "\"}"));
        long runId = jdbc.queryForObject("select id from correlation_runs where account_id = ?", Long.class, account.id());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("run-" + runId)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

        assertThat(jdbc.queryForMap("select status, rule_set_version from correlation_runs where id = ?", runId))
                .containsEntry("status", "DONE").containsEntry("rule_set_version", published.label());
        assertThat(jdbc.queryForList("select title from incidents where account_id = ? and rule_id = 'malware-outbreak'",
                String.class, account.id())).containsExactly("Outbreak of " + threat + " on 2 hosts");
    }

    private void analyst(String name) throws Exception {
        mvc.perform(post("/admin/users/new").with(csrf()).with(user("admin").roles("ADMIN")).param("username", name)
                        .param("displayName", name).param("password", PASSWORD).param("roles", "ANALYST"))
                .andExpect(redirectedUrl("/admin/users"));
    }

    private void uploadTwoHostOutbreak(TestAccounts.Created account, String threat, String day) throws Exception {
        ApplianceClient appliance = new ApplianceClient(port);
        String token = json.readTree(appliance.register(account, "DISCOVERY", UUID.randomUUID().toString()).body())
                .get("token").asText();
        StringBuilder lines = new StringBuilder();
        for (int host = 1; host <= 2; host++) {
            lines.append("{\"eventTime\":\"").append(day).append("T14:0").append(host).append(":00Z\",")
                    .append("\"severity\":\"medium\",\"threatType\":\"Malware\",\"threatName\":\"").append(threat)
                    .append("\",\"sourceHost\":\"pc-").append(host).append("\"}\n");
        }
        HttpResponse<String> answer = appliance.post("/api/v1/logs", "Bearer " + token, "application/x-ndjson",
                lines.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
