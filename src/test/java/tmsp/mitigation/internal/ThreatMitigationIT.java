package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * The mitigation process on PostgreSQL through the real services, routes and pages (jobs run by hand, as the job
 * executor is off in tests): a sample, the "threat sample ready" mail, the review in the task list, the sample in the
 * vendor's drop folder, the vendor's case ID through the API, the pattern on the Patterns page, its deployment,
 * a failed mitigator, a re-issue, and every mitigator's success closing the case.
 */
@IntegrationTest
class ThreatMitigationIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final RequestPostProcessor ADMIN = user("mitigation-admin").roles("ADMIN");
    static final byte[] ZIP = "PK\u0003\u0004 encrypted forensic data".getBytes();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired MitigationProperties properties;
    @Autowired MitigationCases cases;
    @Autowired PatternDeployments deployments;
    @Autowired CleanupPatterns patterns;
    @Autowired FileStore files;
    @Autowired CaseJournal journal;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired MitigatorPatterns mitigatorPatterns;

    MitigationFixtures fixtures;
    TestAccounts.Created account;
    long mitigator1;
    long mitigator2;

    @BeforeEach
    void anAccountWithTwoMitigators() throws Exception {
        fixtures = new MitigationFixtures(cases, deployments, patterns, files, journal, events, transactions,
                mitigatorPatterns);
        account = TestAccounts.create(mvc, json, jdbc, "Mitigate");
        mitigator1 = register("tms-01.corp.example");
        mitigator2 = register("tms-02.corp.example");
    }

    @Test
    void aSampleGoesToTheVendorAndItsPatternIsDeployedReissuedAndTheCaseClosed() throws Exception {
        useGreenMail();
        String contact = contact();
        mvc.perform(post("/accounts/{id}/notifications", account.id()).with(ADMIN).with(csrf())
                .param("subscription", "THREAT_SAMPLE_READY:" + contact)).andExpect(status().is3xxRedirection());

        long caseId = fixtures.sample(account.id(), mitigator1, "tms-01.corp.example", "10.0.0.7", "pc-7.corp", ZIP);
        String instance = awaitProcess(caseId);
        fixtures.sampleAgain(caseId);
        awaitListenersDone();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(MitigationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(caseId)).count()).as("one process per case").isOne();

        // "threat sample ready": the announcement's job, then the notification's
        runJob(instance);
        ProcessInstance notification = await().atMost(Duration.ofSeconds(30)).until(() -> runtime
                .createProcessInstanceQuery().processInstanceBusinessKey("threat-sample:" + caseId).singleResult(),
                p -> p != null);
        management.executeJob(management.createJobQuery().processInstanceId(notification.getId()).singleResult().getId());
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[" + account.name() + "] Threat sample ready: pc-7.corp (10.0.0.7)");
        assertThat(String.valueOf(mail.getContent())).contains("tms-01.corp.example",
                "http://localhost:8080/mitigation/cases/" + caseId);

        // the review in the task list: send it
        Task review = task(instance);
        assertThat(mvc.perform(get("/tasks/{id}", review.getId()).with(ADMIN)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"mitigation-review-form\"",
                "/mitigation/cases/" + caseId + "/sample", "pc-7.corp (10.0.0.7)");
        mvc.perform(post("/tasks/{id}", review.getId()).with(ADMIN).with(csrf()).param("decision", "send"))
                .andExpect(redirectedUrl("/tasks"));
        runJob(instance);

        String name = caseId + "-" + sha256(caseId);
        Path dropbox = Path.of(properties.vendorEndpoint().substring("file:".length()));
        assertThat(Files.readAllBytes(dropbox.resolve(name + ".zip"))).isEqualTo(ZIP);
        assertThat(json.readTree(dropbox.resolve(name + ".json").toFile()).path("caseId").asLong()).isEqualTo(caseId);
        assertThat(caseStatus(caseId)).isEqualTo("SENT_TO_VENDOR");

        // the vendor's case ID through the API: administrators only, once
        String body = "{\"vendorCaseId\":\"TM-" + caseId + "\"}";
        mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", caseId).with(user("ann").roles("ANALYST"))
                .with(csrf()).contentType("application/json").content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", caseId).with(user(account.portalUser())
                .roles("CUSTOMER")).with(csrf()).contentType("application/json").content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", caseId).with(adminScript())
                .contentType("application/json").content("{\"vendorCaseId\":\"no spaces\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", caseId).with(adminScript())
                .contentType("application/json").content(body)).andExpect(status().isOk());
        for (int again = 0; again < 2; again++) {
            mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", caseId).with(adminScript())
                    .contentType("application/json").content(body)).andExpect(status().isConflict());
        }
        assertThat(caseStatus(caseId)).isEqualTo("AWAITING_PATTERN");
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).as("the task went").isZero();
        mvc.perform(post("/api/v1/mitigation-cases/{id}/vendor-case", Long.MAX_VALUE).with(adminScript())
                .contentType("application/json").content(body)).andExpect(status().isNotFound());

        // the pattern on the Patterns page: too large and empty are refused, nothing kept
        mvc.perform(get("/mitigation/patterns").with(user("ann").roles("ANALYST"))).andExpect(status().isForbidden());
        assertThat(page("/mitigation/patterns")).contains("<option value=\"" + caseId + "\"");
        long storedBefore = storedPatternFiles();
        long tooLarge = properties.maxPatternSize().toBytes() + 1;
        assertThat(upload(caseId, "P-1", new byte[(int) tooLarge])).contains("id=\"upload-error\"", "larger than");
        assertThat(upload(caseId, "P-1", new byte[0])).contains("id=\"upload-error\"", "The file is empty");
        assertThat(storedPatternFiles()).isEqualTo(storedBefore);
        assertThat(patterns.findByCaseIdOrderByIdDesc(caseId)).isEmpty();
        mvc.perform(multipart("/mitigation/patterns").file(file("pattern-1.ptn", "revision one".getBytes()))
                        .param("caseId", String.valueOf(caseId)).param("patternName", "P-1").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/mitigation/patterns"));
        long patternId = patterns.findByCaseIdOrderByIdDesc(caseId).get(0).id();
        assertThat(upload(caseId, "P-2", "another".getBytes())).as("the case no longer waits")
                .contains("does not wait for a pattern");
        assertThat(caseStatus(caseId)).isEqualTo("PATTERN_RECEIVED");

        // deployed to both mitigators
        Task deploy = task(instance);
        assertThat(deploy.getName()).isEqualTo("Deploy the pattern of case " + caseId);
        assertThat(page("/tasks/" + deploy.getId())).contains("id=\"target-" + mitigator1 + "\"",
                "id=\"target-" + mitigator2 + "\"");
        mvc.perform(post("/tasks/{id}", deploy.getId()).with(ADMIN).with(csrf())
                        .param("target-" + mitigator1, "on").param("target-" + mitigator2, "on"))
                .andExpect(redirectedUrl("/tasks"));
        runJob(instance);
        assertThat(caseStatus(caseId)).isEqualTo("PATTERN_DEPLOYING");
        assertThat(deployments.findByPatternId(patternId)).extracting(PatternDeployment::result, PatternDeployment::revision)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(PatternDeployment.Result.PENDING, 1));

        // one mitigator fails: the case says so and keeps waiting; the pattern is re-issued and released again
        fixtures.report(patternId, mitigator2, true, "deployed");
        fixtures.report(patternId, mitigator1, false, "pattern file is corrupted");
        await().atMost(Duration.ofSeconds(30)).until(() -> caseStatus(caseId), "DEPLOYMENT_FAILED"::equals);
        assertThat(page("/mitigation/patterns")).contains("pattern file is corrupted", "tms-02.corp.example");
        mvc.perform(multipart("/mitigation/patterns/{id}/reissue", patternId)
                        .file(file("pattern-2.ptn", "revision two".getBytes())).with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/mitigation/patterns"));
        CleanupPattern reissued = patterns.findById(patternId).orElseThrow();
        assertThat(reissued.revision()).isEqualTo(2);
        assertThat(reissued.fileName()).isEqualTo("pattern-2.ptn");
        runJob(instance);
        assertThat(deployments.findByPatternId(patternId)).extracting(PatternDeployment::result, PatternDeployment::revision)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(PatternDeployment.Result.PENDING, 2));
        assertThat(caseStatus(caseId)).isEqualTo("PATTERN_DEPLOYING");

        // every mitigator succeeds with revision 2: closed
        fixtures.report(patternId, mitigator1, true, "ok");
        assertThat(caseStatus(caseId)).isEqualTo("PATTERN_DEPLOYING");
        fixtures.report(patternId, mitigator2, true, "ok");
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instance)
                .activityId(MitigationProcess.CLOSE_TASK).count(), n -> n == 1);
        runJob(instance);
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        assertThat(patterns.findById(patternId).orElseThrow().status()).isEqualTo(CleanupPattern.Status.DEPLOYED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
        mvc.perform(multipart("/mitigation/patterns/{id}/reissue", patternId)
                        .file(file("pattern-3.ptn", "too late".getBytes())).with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("error", "mitigation.patterns.error.notDeploying"));
        mvc.perform(post("/mitigation/patterns/{id}/withdraw", patternId).with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("error", "mitigation.patterns.error.notDeploying"));
        assertThat(patterns.findById(patternId).orElseThrow().revision()).isEqualTo(2);

        assertThat(jdbc.queryForList("select step from mitigation_case_steps where case_id = ? order by at, id",
                String.class, caseId)).containsExactly("SAMPLE_RECEIVED", "NOTIFIED", "SENT_TO_VENDOR",
                "VENDOR_CASE_OPENED", "PATTERN_UPLOADED", "PATTERN_RELEASED", "DEPLOYMENT_SUCCEEDED", "DEPLOYMENT_FAILED",
                "PATTERN_REISSUED", "PATTERN_RELEASED", "DEPLOYMENT_SUCCEEDED", "DEPLOYMENT_SUCCEEDED", "CLOSED");
        assertThat(jdbc.queryForList("select actor from mitigation_case_steps where case_id = ? and step in"
                + " ('SENT_TO_VENDOR', 'PATTERN_UPLOADED', 'PATTERN_RELEASED') order by at, id", String.class, caseId))
                .containsOnly("mitigation-admin");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'MITIGATION_CASE' and target = ?",
                Long.class, "case #" + caseId + " of account #" + account.id())).isEqualTo(13);
    }

    @Test
    void aDismissedCaseEndsAndAWithdrawnPatternMakesTheCaseWaitForAnother() throws Exception {
        long dismissed = fixtures.sample(account.id(), mitigator1, "tms-01.corp.example", "10.0.0.8", "pc-8.corp", ZIP);
        String first = awaitProcess(dismissed);
        runJob(first);
        mvc.perform(post("/tasks/{id}", task(first).getId()).with(ADMIN).with(csrf()).param("decision", "dismiss")
                .param("reason", "")).andExpect(status().isOk());
        mvc.perform(post("/tasks/{id}", task(first).getId()).with(ADMIN).with(csrf()).param("decision", "dismiss")
                .param("reason", "a test file")).andExpect(redirectedUrl("/tasks"));
        runJob(first);
        assertThat(caseStatus(dismissed)).isEqualTo("DISMISSED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(first).finished().count()).isOne();

        long caseId = fixtures.sample(account.id(), mitigator1, "tms-01.corp.example", "10.0.0.9", "pc-9.corp", ZIP);
        String instance = awaitProcess(caseId);
        runJob(instance);
        mvc.perform(post("/tasks/{id}", task(instance).getId()).with(ADMIN).with(csrf()).param("decision", "send"));
        runJob(instance);
        // the vendor's case ID entered in the task list this time
        mvc.perform(post("/tasks/{id}", task(instance).getId()).with(ADMIN).with(csrf())
                .param("vendorCaseId", "VC-" + caseId)).andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.queryForObject("select vendor_case_id from mitigation_cases where id = ?", String.class, caseId))
                .isEqualTo("VC-" + caseId);
        mvc.perform(multipart("/mitigation/patterns").file(file("a.ptn", "a".getBytes()))
                .param("caseId", String.valueOf(caseId)).param("patternName", "A").with(ADMIN).with(csrf()));
        long withdrawn = patterns.findByCaseIdOrderByIdDesc(caseId).get(0).id();

        mvc.perform(post("/mitigation/patterns/{id}/withdraw", withdrawn).with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/mitigation/patterns"));
        assertThat(patterns.findById(withdrawn).orElseThrow().status()).isEqualTo(CleanupPattern.Status.WITHDRAWN);
        assertThat(caseStatus(caseId)).isEqualTo("AWAITING_PATTERN");
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();
        mvc.perform(post("/mitigation/patterns/{id}/withdraw", withdrawn).with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/mitigation/patterns"));
        assertThat(page("/mitigation/patterns?status=WITHDRAWN&account=" + account.id())).contains("id=\"pattern-" + withdrawn + "\"");
        assertThat(page("/mitigation/patterns?status=RELEASED&account=" + account.id())).doesNotContain("id=\"pattern-" + withdrawn + "\"");

        mvc.perform(multipart("/mitigation/patterns").file(file("b.ptn", "b".getBytes()))
                .param("caseId", String.valueOf(caseId)).param("patternName", "B").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/mitigation/patterns"));
        assertThat(task(instance).getName()).isEqualTo("Deploy the pattern of case " + caseId);
        assertThat(caseStatus(caseId)).isEqualTo("PATTERN_RECEIVED");
    }

    private String awaitProcess(long caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select process_instance_id from mitigation_cases where id = ?", String.class, caseId), id -> id != null);
    }

    private void runJob(String instance) {
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(job.getId());
    }

    private Task task(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private String caseStatus(long caseId) {
        return jdbc.queryForObject("select status from mitigation_cases where id = ?", String.class, caseId);
    }

    private String sha256(long caseId) {
        return jdbc.queryForObject("select sample_sha256 from mitigation_cases where id = ?", String.class, caseId);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String upload(long caseId, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/mitigation/patterns").file(file("p.ptn", content))
                        .param("caseId", String.valueOf(caseId)).param("patternName", name).with(ADMIN).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    private static RequestPostProcessor adminScript() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    private long storedPatternFiles() {
        Path root = properties.storage();
        try (Stream<Path> stored = Stream.of(root.resolve("patterns"), root.resolve("incoming"))
                .filter(Files::isDirectory).flatMap(ThreatMitigationIT::list)) {
            return stored.count();
        }
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long register(String hostname) throws Exception {
        var answer = new ApplianceClient(port).post("/api/v1/products",
                ApplianceClient.basic(account.registrationUser(), TestAccounts.PASSWORD), "application/json",
                "{\"type\":\"MITIGATOR\",\"hostname\":\"" + hostname + "\",\"guid\":\"" + UUID.randomUUID()
                        + "\",\"version\":\"2.0\"}");
        assertThat(answer.statusCode()).isEqualTo(201);
        return json.readTree(answer.body()).path("productId").asLong();
    }

    private String contact() throws Exception {
        String location = mvc.perform(post("/api/v1/accounts/{id}/contacts", account.id()).with(adminScript())
                        .contentType("application/json")
                        .content("{\"name\":\"Emma\",\"email\":\"emma@example.org\",\"language\":\"en\"}"))
                .andReturn().getResponse().getHeader("Location");
        return "contact-" + location.substring(location.lastIndexOf('/') + 1);
    }

    /** The mail server set through the administrator's page, as an administrator would. */
    private void useGreenMail() throws Exception {
        mvc.perform(post("/admin/mail").with(ADMIN).with(csrf()).param("host", "127.0.0.1")
                        .param("port", String.valueOf(SMTP.getSmtp().getPort())).param("security", "NONE")
                        .param("sender", "tmsp@example.org"))
                .andExpect(status().is3xxRedirection());
    }

    private void awaitListenersDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication"
                + " where serialized_event like ?", Long.class, "%\"accountId\":" + account.id() + ",%"), n -> n == 0);
    }
}
