package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleCompiler;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Correlation runs end to end on PostgreSQL: detections uploaded through the appliance API, runs requested
 * through the run API and executed as the job executor would (it is off in tests), incidents read back.
 */
@IntegrationTest
class CorrelationRunIT {

    static final String OUTBREAK = "malware-outbreak";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CorrelationRules rules;
    @Autowired UserDetailsService users;
    @Autowired NightlyCorrelation nightly;

    ApplianceClient client;
    TestAccounts.Created account;
    String token;
    String threat;

    @BeforeEach
    void anAccountWithAnAppliance() throws Exception {
        client = new ApplianceClient(port);
        account = TestAccounts.create(mvc, json, jdbc, "Correlated");
        token = register(account);
        threat = "WORM_RUNS." + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aRequestedRunIsQueuedThenDoneAndRunningTheDayAgainChangesNothing() throws Exception {
        upload(token, detection("2026-11-20T10:00:00Z", "pc-1"), detection("2026-11-20T10:10:00Z", "pc-2"),
                detection("2026-11-20T10:20:00Z", "pc-3"));

        MvcResult queued = mvc.perform(admin(post("/api/v1/accounts/" + account.id() + "/correlation-runs"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"2026-11-20\"}")).andReturn();
        assertThat(queued.getResponse().getStatus()).as(queued.getResponse().getContentAsString()).isEqualTo(202);
        JsonNode run = json.readTree(queued.getResponse().getContentAsString());
        long runId = run.get("runId").asLong();
        assertThat(queued.getResponse().getHeader("Location")).isEqualTo("/api/v1/correlation-runs/" + runId);
        assertThat(run.get("status").asText()).isEqualTo("QUEUED");
        assertThat(run.get("accountId").asLong()).isEqualTo(account.id());
        assertThat(run.get("day").asText()).isEqualTo("2026-11-20");
        assertThat(read(runId).get("status").asText()).as("nothing runs before its job").isEqualTo("QUEUED");

        JsonNode first = execute(runId);
        assertThat(first.get("status").asText()).isEqualTo("DONE");
        assertThat(first.get("ruleSetVersion").asText()).isEqualTo(rules.current().version());
        assertThat(first.get("detectionsRead").asLong()).isEqualTo(3);
        assertThat(first.get("incidentsRaised").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(first.get("incidentsUpdated").asInt()).isZero();
        assertThat(first.get("startedAt").isNull()).isFalse();
        assertThat(first.get("finishedAt").isNull()).isFalse();
        assertThat(first.get("error").isNull()).isTrue();
        List<Map<String, Object>> incidents = outbreaks(account.id());
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0)).containsEntry("detection_count", 3);

        JsonNode again = execute(request(account.id(), "2026-11-20"));
        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(again.get("incidentsRaised").asInt()).isZero();
        assertThat(again.get("incidentsUpdated").asInt()).isZero();
        assertThat(again.get("incidentsFound").asInt()).isEqualTo(first.get("incidentsFound").asInt());
        assertThat(outbreaks(account.id())).isEqualTo(incidents);
        assertThat(jdbc.queryForObject("select count(*) from incidents where account_id = ?", Integer.class,
                account.id())).isEqualTo(first.get("incidentsRaised").asInt());
    }

    @Test
    void theIncidentsColumnShowsWhatTheLatestRunFound() throws Exception {
        assertThat(listedIncidents().isNull()).as("not correlated yet").isTrue();
        upload(token, detection("2026-11-21T08:00:00Z", "pc-1"), detection("2026-11-21T08:01:00Z", "pc-2"),
                detection("2026-11-21T08:02:00Z", "pc-3"));
        JsonNode withOutbreak = execute(request(account.id(), "2026-11-21"));
        assertThat(withOutbreak.get("incidentsFound").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(listedIncidents().asInt()).isEqualTo(withOutbreak.get("incidentsFound").asInt());

        JsonNode quietDay = execute(request(account.id(), "2026-11-10"));
        assertThat(quietDay.get("incidentsFound").asInt()).isZero();
        assertThat(listedIncidents().asInt()).isZero();
    }

    @Test
    void anEpisodeAcrossMidnightIsOneIncidentFoundByTheRunsOfBothDays() throws Exception {
        upload(token, detection("2026-11-22T23:50:00Z", "pc-1"), detection("2026-11-22T23:55:00Z", "pc-2"),
                detection("2026-11-22T23:58:00Z", "pc-3"), detection("2026-11-23T00:05:00Z", "pc-4"),
                detection("2026-11-23T00:10:00Z", "pc-5"));

        JsonNode before = execute(request(account.id(), "2026-11-22"));
        assertThat(before.get("status").asText()).isEqualTo("DONE");
        assertThat(outbreaks(account.id())).singleElement().satisfies(i -> assertThat(i).containsEntry("detection_count", 3));

        JsonNode after = execute(request(account.id(), "2026-11-23"));
        assertThat(after.get("status").asText()).isEqualTo("DONE");
        assertThat(after.get("detectionsRead").asLong()).as("the day and the window before it").isEqualTo(5);
        assertThat(after.get("incidentsRaised").asInt()).isZero();
        assertThat(after.get("incidentsUpdated").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, Object> incident = outbreaks(account.id()).get(0);
        assertThat(outbreaks(account.id())).hasSize(1);
        assertThat(incident).containsEntry("detection_count", 5);
        assertThat(((java.sql.Timestamp) incident.get("first_seen")).toInstant()).isEqualTo(Instant.parse("2026-11-22T23:50:00Z"));
        assertThat(((java.sql.Timestamp) incident.get("last_seen")).toInstant()).isEqualTo(Instant.parse("2026-11-23T00:10:00Z"));

        JsonNode afterAgain = execute(request(account.id(), "2026-11-23"));
        assertThat(afterAgain.get("incidentsRaised").asInt()).isZero();
        assertThat(afterAgain.get("incidentsUpdated").asInt()).isZero();
        assertThat(outbreaks(account.id())).containsExactly(incident);
    }

    @Test
    void anotherAccountsDetectionsAreNeverMixedIn() throws Exception {
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Neighbour");
        String otherToken = register(other);
        // Four hosts with the same threat in ten minutes, but two per account: no outbreak in either.
        upload(token, detection("2026-11-24T09:00:00Z", "pc-1"), detection("2026-11-24T09:05:00Z", "pc-2"));
        upload(otherToken, detection("2026-11-24T09:01:00Z", "pc-3"), detection("2026-11-24T09:06:00Z", "pc-4"));

        JsonNode mine = execute(request(account.id(), "2026-11-24"));
        JsonNode theirs = execute(request(other.id(), "2026-11-24"));
        assertThat(mine.get("detectionsRead").asLong()).isEqualTo(2);
        assertThat(theirs.get("detectionsRead").asLong()).isEqualTo(2);
        assertThat(outbreaks(account.id())).isEmpty();
        assertThat(outbreaks(other.id())).isEmpty();
    }

    @Test
    void badDaysAndUnknownAccountsAreRefusedAndNoDayMeansYesterday() throws Exception {
        String runs = "/api/v1/accounts/" + account.id() + "/correlation-runs";
        for (String day : List.of("2026-13-01", "yesterday", "20261120",
                LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())) {
            MvcResult refused = mvc.perform(admin(post(runs)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"day\":\"" + day + "\"}")).andReturn();
            assertThat(refused.getResponse().getStatus()).as(day).isEqualTo(400);
            assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(json.readTree(refused.getResponse().getContentAsString()).get("detail").asText()).contains(day);
        }
        assertThat(mvc.perform(admin(post(runs)).contentType(MediaType.APPLICATION_JSON).content("{\"day\":"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        MvcResult unknown = mvc.perform(admin(post("/api/v1/accounts/987654321/correlation-runs"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(mvc.perform(admin(get("/api/v1/correlation-runs/987654321"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from correlation_runs where account_id = ?", Integer.class,
                account.id())).as("nothing queued by a refusal").isZero();

        MvcResult noDay = mvc.perform(admin(post(runs))).andReturn();
        assertThat(noDay.getResponse().getStatus()).isEqualTo(202);
        assertThat(json.readTree(noDay.getResponse().getContentAsString()).get("day").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    }

    @Test
    void anotherAccountsCustomerGetsNeitherTheRunsNorTheButton() throws Exception {
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Outsider");
        var outsider = users.loadUserByUsername(other.portalUser());
        var owner = users.loadUserByUsername(account.portalUser());
        long runId = request(account.id(), "2026-11-25");

        assertThat(status(get("/api/v1/correlation-runs/" + runId).with(user(outsider)))).isIn(403, 404);
        assertThat(status(post("/api/v1/accounts/" + account.id() + "/correlation-runs").with(user(outsider)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))).isIn(403, 404);
        assertThat(status(post("/correlation/accounts/" + account.id() + "/runs").with(user(outsider)).with(csrf())))
                .isIn(403, 404);
        assertThat(status(get("/admin/correlation-runs").with(user(outsider)))).isIn(403, 404);
        assertThat(status(post("/admin/correlation-runs/jobs/x/retry").with(user(outsider)).with(csrf()))).isIn(403, 404);
        assertThat(jdbc.queryForObject("select count(*) from correlation_runs where account_id = ?", Integer.class,
                account.id())).isOne();

        assertThat(status(get("/api/v1/correlation-runs/" + runId).with(user(owner)))).as("its own account's run").isEqualTo(200);
        assertThat(status(post("/correlation/accounts/" + account.id() + "/runs").with(user(owner)).with(csrf())))
                .as("customers only read").isEqualTo(403);
    }

    @Test
    void anAnalystRunsCorrelationFromTheAccountPage() throws Exception {
        var analyst = user("analyst-" + UUID.randomUUID().toString().substring(0, 6)).roles("ANALYST");
        MvcResult page = mvc.perform(get("/accounts/" + account.id()).with(analyst)).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("id=\"run-correlation\"",
                "/correlation/accounts/" + account.id() + "/runs");

        MvcResult posted = mvc.perform(post("/correlation/accounts/" + account.id() + "/runs").param("day", "2026-11-19")
                .with(analyst).with(csrf())).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/accounts/" + account.id() + "#correlation");
        assertThat(posted.getFlashMap().get("success")).isEqualTo("correlation.run.queued");
        Long runId = jdbc.queryForObject("select id from correlation_runs where account_id = ? and run_day = date '2026-11-19'",
                Long.class, account.id());
        assertThat(execute(runId).get("status").asText()).isEqualTo("DONE");
        assertThat(mvc.perform(get("/accounts/" + account.id()).with(analyst)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"correlation-run-" + runId + "\"");

        MvcResult future = mvc.perform(post("/correlation/accounts/" + account.id() + "/runs").param("day", "2999-01-01")
                .with(analyst).with(csrf())).andReturn();
        assertThat(future.getFlashMap().get("error")).isEqualTo("correlation.run.futureDay");
        assertThat(status(post("/correlation/accounts/" + account.id() + "/runs").with(analyst)))
                .as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void aRunThatFailsIsRetriedBecomesAnIncidentOnTheAdministrationPageAndARetryFinishesIt() throws Exception {
        upload(token, detection("2026-11-18T12:00:00Z", "pc-1"));
        CompiledRules published = rules.current();
        long runId;
        try {
            rules.publish(RuleCompiler.compile("broken-for-test", Map.of("broken.drl", """
                    package tmsp.rules.broken
                    import tmsp.correlation.DetectionFact
                    global tmsp.correlation.RaisedIncidents incidents
                    rule "Breaks on the test's threat"
                        @id("breaks") @severity("low")
                    when
                        DetectionFact( threatName == "%s" )
                    then
                        throw new IllegalStateException("rule engine broken for the test");
                    end
                    """.formatted(threat)), Map.of()));
            runId = request(account.id(), "2026-11-18");
            Job job = jobOf(runId);
            int tries = 0;
            while (job.getRetries() > 0) {
                tryToExecute(job);
                tries++;
                job = jobOf(runId);
            }
            assertThat(tries).as("tmsp.correlation.job-retries").isEqualTo(3);
            JsonNode failed = read(runId);
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("ruleSetVersion").asText()).isEqualTo("broken-for-test");
            assertThat(failed.get("error").asText()).contains("rule engine broken for the test");
            assertThat(runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isOne();

            MvcResult adminPage = mvc.perform(get("/admin/correlation-runs").with(user("admin").roles("ADMIN"))).andReturn();
            assertThat(adminPage.getResponse().getStatus()).isEqualTo(200);
            assertThat(adminPage.getResponse().getContentAsString()).contains("id=\"job-" + job.getId() + "\"", "id=\"run-" + runId + "\"",
                    "rule engine broken for the test", "broken-for-test");
        } finally {
            rules.publish(published);
        }
        Job failedJob = jobOf(runId);
        MvcResult retried = mvc.perform(post("/admin/correlation-runs/jobs/" + failedJob.getId() + "/retry")
                .with(user("admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(retried.getFlashMap().get("success")).isEqualTo("correlation.job.retried");
        assertThat(runtime.createIncidentQuery().processInstanceId(failedJob.getProcessInstanceId()).count()).isZero();
        management.executeJob(failedJob.getId());
        JsonNode done = read(runId);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("ruleSetVersion").asText()).isEqualTo(published.version());
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(failedJob.getProcessInstanceId()).count())
                .as("the process ended").isZero();
    }

    @Test
    void theNightQueuesOneRunPerAccountOnceWhateverTheNodesThatFire() throws Exception {
        LocalDate night = LocalDate.of(2020, 1, 1).plusDays((long) (Math.random() * 2000));
        assertThat(nightly.start(night)).isTrue();
        assertThat(nightly.start(night)).as("a second node firing at the same time").isFalse();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CorrelationProcess.nightlyKey(night)).singleResult();
        Job queue = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(queue.getId());

        Integer accounts = jdbc.queryForObject("select count(*) from accounts", Integer.class);
        List<Long> queued = jdbc.queryForList("select account_id from correlation_runs where run_day = ? and trigger_type = 'NIGHTLY'",
                Long.class, night);
        assertThat(queued).hasSize(accounts).doesNotHaveDuplicates().contains(account.id());
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isEqualTo(accounts.longValue());

        Long myRun = jdbc.queryForObject("select id from correlation_runs where run_day = ? and account_id = ?", Long.class,
                night, account.id());
        Job mine = management.createJobQuery().processInstanceId(instance.getId()).list().stream()
                .filter(j -> Long.valueOf(myRun).equals(runtime.getVariable(j.getExecutionId(), CorrelationProcess.RUN_ID)))
                .findFirst().orElseThrow();
        management.executeJob(mine.getId());
        JsonNode run = read(myRun);
        assertThat(run.get("status").asText()).isEqualTo("DONE");
        assertThat(run.get("trigger").asText()).isEqualTo("NIGHTLY");
    }

    @Test
    void aNodeThatStartsCorrelatesTheNightsMissedSinceTheLastOneRunAndNoOthers() {
        LocalDate lastRun = LocalDate.of(2031, 3, 7);
        assertThat(nightly.start(lastRun)).isTrue();
        Instant afterTheNightlyTime = Instant.parse("2031-03-10T05:00:00Z"); // 02:00 UTC has passed: 9 March is due

        assertThat(nightly.catchUp(Instant.parse("2031-03-10T01:00:00Z"), 3)).as("before 02:00 the 9th is not due")
                .containsExactly(LocalDate.of(2031, 3, 8));
        assertThat(nightly.catchUp(afterTheNightlyTime, 3)).containsExactly(LocalDate.of(2031, 3, 9));
        assertThat(nightly.catchUp(afterTheNightlyTime, 3)).as("a second node, or a second start").isEmpty();
        assertThat(nightly.catchUp(Instant.parse("2031-03-20T05:00:00Z"), 2)).as("only the latest nights")
                .containsExactly(LocalDate.of(2031, 3, 18), LocalDate.of(2031, 3, 19));
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CorrelationProcess.nightlyKey(LocalDate.of(2031, 3, 9))).count()).isOne();
        assertThat(jdbc.queryForList("select night from correlation_nights where night > ? order by night",
                LocalDate.class, lastRun)).containsExactly(LocalDate.of(2031, 3, 8), LocalDate.of(2031, 3, 9),
                LocalDate.of(2031, 3, 18), LocalDate.of(2031, 3, 19));
    }

    // --- helpers ---

    String register(TestAccounts.Created owner) throws Exception {
        return json.readTree(client.register(owner, "DISCOVERY", UUID.randomUUID().toString()).body()).get("token").asText();
    }

    String detection(String time, String host) {
        return "{\"eventTime\":\"" + time + "\",\"severity\":\"medium\",\"threatType\":\"Malware\",\"threatName\":\""
                + threat + "\",\"sourceHost\":\"" + host + "\",\"destinationAddress\":\"203.0.113.5\"}";
    }

    void upload(String productToken, String... lines) throws Exception {
        HttpResponse<String> answer = client.post("/api/v1/logs", "Bearer " + productToken, "application/x-ndjson",
                String.join("\n", lines) + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json.readTree(answer.body()).get("accepted").asInt()).isEqualTo(lines.length);
    }

    long request(long accountId, String day) throws Exception {
        MvcResult result = mvc.perform(admin(post("/api/v1/accounts/" + accountId + "/correlation-runs"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"" + day + "\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(202);
        return json.readTree(result.getResponse().getContentAsString()).get("runId").asLong();
    }

    /** Executes the run's job as the job executor would, and reads the run back. */
    JsonNode execute(long runId) throws Exception {
        management.executeJob(jobOf(runId).getId());
        return read(runId);
    }

    Job jobOf(long runId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CorrelationProcess.runKey(runId)).singleResult();
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    void tryToExecute(Job job) {
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException expected) {
            assertThat(expected).hasStackTraceContaining("rule engine broken for the test");
        }
    }

    JsonNode read(long runId) throws Exception {
        MvcResult result = mvc.perform(admin(get("/api/v1/correlation-runs/" + runId))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    List<Map<String, Object>> outbreaks(long accountId) {
        return jdbc.queryForList("select id, incident_key, detection_count, first_seen, last_seen from incidents"
                + " where account_id = ? and rule_id = ? order by id", accountId, OUTBREAK);
    }

    JsonNode listedIncidents() throws Exception {
        String page = mvc.perform(admin(get("/api/v1/accounts")).param("q", account.name())).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(page).get("items").get(0).get("incidents");
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD));
    }
}
