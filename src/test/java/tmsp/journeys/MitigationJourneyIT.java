package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * In a real headless Chromium, from a forensic sample a mitigator uploaded over the real API to a closed case: an
 * administrator finds the case from the account page, downloads the sample, sends it to the vendor in the task list,
 * enters the vendor's case ID, uploads the vendor's cleanup pattern and deploys it; the mitigator fetches the pattern
 * over the API and reports success, and the Case List says Closed. The job executor is off in tests, so the
 * process's automatic steps are run here as the executor would run them.
 */
@IntegrationTest
class MitigationJourneyIT {

    static final String PROCESS = "threat-mitigation";
    static final byte[] SAMPLE = "PK\u0003\u0004 forensic data of the journey".getBytes();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUploadedSampleBecomesAClosedCaseThroughTheBrowser() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey mitigation");
        ApplianceClient appliance = new ApplianceClient(port);
        JsonNode registered = json.readTree(appliance.post("/api/v1/products",
                ApplianceClient.basic(account.registrationUser(), TestAccounts.PASSWORD), "application/json",
                "{\"type\":\"MITIGATOR\",\"hostname\":\"tms-journey.corp.example\",\"guid\":\"" + UUID.randomUUID()
                        + "\",\"version\":\"2.1\"}").body());
        String token = "Bearer " + registered.path("token").asText();

        HttpResponse<String> uploaded = appliance.post(
                "/api/v1/mitigation/samples?endpointIp=10.20.30.40&endpointHost=pc-journey&fileName=forensic.zip",
                SAMPLE, "Authorization", token, "Content-Type", "application/zip");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long caseId = json.readTree(uploaded.body()).path("caseId").asLong();
        ProcessInstance instance = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(String.valueOf(caseId)).singleResult(),
                p -> p != null);
        runJobs(instance);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");

            // from the account page to the case
            browser.get("/accounts/" + account.id());
            browser.clickAndLoad(By.id("mitigation-cases-link"));
            browser.waitForPath("/accounts/" + account.id() + "/mitigation/cases.*");
            assertThat(browser.text(By.id("case-" + caseId))).contains("Threat Sample Received",
                    "tms-journey.corp.example", "10.20.30.40", "pc-journey");
            browser.clickAndLoad(By.cssSelector("#case-" + caseId + " a[href='/mitigation/cases/" + caseId + "']"));
            browser.waitForPath("/mitigation/cases/" + caseId);

            // the sample is an attachment, fetched as this session would
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(browser.href(By.id("download-sample"))))
                    .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            assertThat(download.body()).isEqualTo(SAMPLE);
            browser.get("/mitigation/cases/" + caseId);
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Threat Sample Downloaded");

            // review and send to the vendor, in the task list
            openTask(browser, instance, "Review case " + caseId + " and send it to the vendor");
            browser.click(By.id("decision-send"));
            browser.clickAndLoad(By.id("complete-task"));
            browser.waitForPath("/tasks.*");
            runJobs(instance);

            // the vendor's case ID, entered by hand
            openTask(browser, instance, "Enter the vendor's case ID of case " + caseId);
            browser.type("vendorCaseId", "VND-" + caseId);
            browser.clickAndLoad(By.id("complete-task"));
            browser.waitForPath("/tasks.*");
            runJobs(instance);

            // the vendor's cleanup pattern on the Patterns page
            Path pattern = Files.createTempFile("cleanup-pattern-", ".ptn");
            Files.write(pattern, "the vendor's custom cleanup pattern".getBytes());
            browser.get("/mitigation/patterns");
            new Select(browser.waitForId("caseId")).selectByValue(String.valueOf(caseId));
            browser.type("patternName", "CPR-" + caseId);
            browser.waitForId("file").sendKeys(pattern.toAbsolutePath().toString());
            browser.clickAndLoad(By.cssSelector("form[action='/mitigation/patterns'] button[type=submit]"));
            browser.waitForPath("/mitigation/patterns.*");
            assertThat(browser.text(By.id("patterns"))).contains("CPR-" + caseId);
            Files.delete(pattern);
            runJobs(instance);

            // deploy it to the account's mitigator (every mitigator is chosen at first)
            openTask(browser, instance, "Deploy the pattern of case " + caseId);
            long productId = registered.path("productId").asLong();
            assertThat(browser.waitForId("target-" + productId).isSelected()).isTrue();
            browser.clickAndLoad(By.id("complete-task"));
            browser.waitForPath("/tasks.*");
            runJobs(instance);

            // the mitigator fetches the pattern, checks it and reports success
            JsonNode offered = json.readTree(mitigatorGet("/api/v1/mitigation/patterns", token, HttpResponse.BodyHandlers.ofString()).body());
            assertThat(offered).hasSize(1);
            JsonNode release = offered.get(0);
            assertThat(release.path("caseId").asLong()).isEqualTo(caseId);
            byte[] file = mitigatorGet(release.path("download").asText(), token, HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(sha256(file)).isEqualTo(release.path("sha256").asText());
            HttpResponse<String> reported = appliance.post("/api/v1/mitigation/patterns/" + release.path("patternId").asLong()
                    + "/deployments", token, "application/json",
                    "{\"revision\":" + release.path("revision").asInt() + ",\"result\":\"SUCCESS\",\"detail\":\"deployed\"}");
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> runJobs(instance) > 0 || ended(instance));
            runJobs(instance);

            // closed, with every step on the case
            browser.get("/accounts/" + account.id() + "/mitigation/cases");
            assertThat(browser.text(By.id("case-" + caseId))).contains("Closed", "VND-" + caseId, "CPR-" + caseId);
            browser.get("/mitigation/cases/" + caseId);
            assertThat(browser.text(By.id("case-history"))).contains("admin", "tms-journey.corp.example");
        }
        assertThat(ended(instance)).isTrue();
        assertThat(jdbc.queryForObject("select status from mitigation_cases where id = ?", String.class, caseId))
                .isEqualTo("CLOSED");
    }

    /** Opens the case's task of that name from the group view of the task list, claiming it first. */
    private void openTask(Browser browser, ProcessInstance instance, String name) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance.getId()).singleResult(), t -> t != null);
        assertThat(task.getName()).isEqualTo(name);
        browser.get("/tasks?view=GROUPS");
        assertThat(browser.text(By.id("task-" + task.getId()))).contains(name);
        browser.clickAndLoad(By.id("claim-" + task.getId()));
        browser.waitForPath("/tasks\\?view=MINE");
        browser.clickAndLoad(By.cssSelector("#task-" + task.getId() + " a"));
        browser.waitForPath("/tasks/" + task.getId());
    }

    /** Runs the process's due jobs as the job executor would; answers how many ran. */
    private int runJobs(ProcessInstance instance) {
        int ran = 0;
        for (var job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
            management.executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    private boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private <T> HttpResponse<T> mitigatorGet(String path, String token, HttpResponse.BodyHandler<T> body) throws Exception {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", token).build(), body);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
