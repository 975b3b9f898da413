package tmsp.correlation.authoring.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.incident.IncidentKeys;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Rule tests end to end on PostgreSQL: detections of three days uploaded through the appliance API, a draft with
 * the outbreak threshold lowered from 3 hosts to 2 made with {@link RuleDrafts}, tested through the API; the
 * exact added incident with its evidence, nothing written, the limits, cancel, and who may do it.
 */
@IntegrationTest
class DraftTestIT {

    static final String OUTBREAK = "malware-outbreak";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuleDrafts drafts;

    TestAccounts.Created account;
    TestAccounts.Created other;
    String analystName;
    RequestPostProcessor analyst;
    long draftId;
    String tag;

    @BeforeEach
    void twoAccountsWithDetectionsAndADraft() throws Exception {
        ApplianceClient client = new ApplianceClient(port);
        account = TestAccounts.create(mvc, json, jdbc, "Tested");
        other = TestAccounts.create(mvc, json, jdbc, "Untested");
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        analystName = "analyst-" + tag.toLowerCase();
        analyst = user(analystName).roles("ANALYST");
        String mine = token(client, account);
        // Day 1: a worm on two hosts (below the published threshold of 3, at the draft's 2).
        upload(client, mine, detection("2026-11-10T09:00:00Z", "WORM_TWO_" + tag, "pc-1"),
                detection("2026-11-10T09:10:00Z", "WORM_TWO_" + tag, "pc-2"));
        // Day 2: a worm on three hosts: both rule sets raise it, alike.
        upload(client, mine, detection("2026-11-11T14:00:00Z", "WORM_THREE_" + tag, "pc-1"),
                detection("2026-11-11T14:05:00Z", "WORM_THREE_" + tag, "pc-2"),
                detection("2026-11-11T14:07:00Z", "WORM_THREE_" + tag, "pc-3"));
        // Day 3: one detection, nothing to raise.
        upload(client, mine, detection("2026-11-12T08:00:00Z", "WORM_ALONE_" + tag, "pc-4"));
        // The other account: the day-1 worm on a third host. Counted in, the published rules would raise it too.
        upload(client, token(client, other), detection("2026-11-10T09:20:00Z", "WORM_TWO_" + tag, "pc-9"),
                detection("2026-11-10T09:25:00Z", "WORM_OTHER_" + tag, "pc-8"),
                detection("2026-11-10T09:26:00Z", "WORM_OTHER_" + tag, "pc-7"));

        draftId = asAnalyst(() -> {
            long id = drafts.create(analystName, null, "Outbreak on two hosts").id();
            drafts.saveParameters(id, Map.of(OUTBREAK + ".hosts", "2"), analystName);
            return id;
        });
    }

    @Test
    void theDraftAddsExactlyTheTwoHostOutbreakWithItsEvidenceAndWritesNoIncident() throws Exception {
        int incidentsBefore = incidents();

        MvcResult queued = mvc.perform(post("/api/v1/rule-drafts/" + draftId + "/tests").with(analyst).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountId\":" + account.id() + ",\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}")).andReturn();

        assertThat(queued.getResponse().getStatus()).as(queued.getResponse().getContentAsString()).isEqualTo(202);
        JsonNode body = json.readTree(queued.getResponse().getContentAsString());
        long testId = body.get("testId").asLong();
        assertThat(queued.getResponse().getHeader("Location")).isEqualTo("/api/v1/rule-draft-tests/" + testId);
        assertThat(body.get("draftId").asLong()).isEqualTo(draftId);
        assertThat(body.get("accountId").asLong()).isEqualTo(account.id());
        assertThat(body.get("from").asText()).isEqualTo("2026-11-10");
        assertThat(body.get("to").asText()).isEqualTo("2026-11-12");
        assertThat(body.get("status").asText()).isIn("QUEUED", "RUNNING", "DONE");

        JsonNode test = awaitEnd(testId);
        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("DONE");
        assertThat(test.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(test.get("detectionsRead").asLong()).as("only this account's six detections").isEqualTo(6);
        assertThat(test.get("startedAt").isNull()).isFalse();
        assertThat(test.get("finishedAt").isNull()).isFalse();
        assertThat(test.get("error").isNull()).isTrue();
        assertThat(test.get("added").asInt()).isEqualTo(1);
        assertThat(test.get("removed").asInt()).isZero();
        assertThat(test.get("changed").asInt()).isZero();
        assertThat(test.get("unchanged").asInt()).as("the three-host worm").isEqualTo(1);
        assertThat(test.get("draftVersion").asText()).isEqualTo("draft #" + draftId);

        List<Long> evidence = jdbc.queryForList("select id from detections where account_id = ? and threat_name = ?"
                + " order by id", Long.class, account.id(), "WORM_TWO_" + tag);
        JsonNode added = test.get("items").get("added");
        assertThat(added).hasSize(1);
        JsonNode incident = added.get(0);
        Instant firstSeen = Instant.parse("2026-11-10T09:00:00Z");
        assertThat(incident.get("key").asText())
                .isEqualTo(IncidentKeys.of(OUTBREAK, account.id(), "WORM_TWO_" + tag, firstSeen));
        assertThat(incident.get("ruleId").asText()).isEqualTo(OUTBREAK);
        assertThat(incident.get("grouping").asText()).isEqualTo("WORM_TWO_" + tag);
        assertThat(incident.get("title").asText()).isEqualTo("Outbreak of WORM_TWO_" + tag + " on 2 hosts");
        assertThat(Instant.parse(incident.get("firstSeen").asText())).isEqualTo(firstSeen);
        assertThat(Instant.parse(incident.get("lastSeen").asText())).isEqualTo(Instant.parse("2026-11-10T09:10:00Z"));
        assertThat(incident.get("detectionCount").asInt()).isEqualTo(2);
        assertThat(longs(incident.get("evidenceIds"))).isEqualTo(evidence);
        assertThat(incident.get("hosts")).extracting(JsonNode::asText).containsExactly("pc-1", "pc-2");
        JsonNode shown = incident.get("evidence");
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).get("id").asLong()).isEqualTo(evidence.get(0));
        assertThat(shown.get(0).get("srcHost").asText()).isEqualTo("pc-1");
        assertThat(shown.get(0).get("threatName").asText()).isEqualTo("WORM_TWO_" + tag);
        assertThat(Instant.parse(shown.get(1).get("eventTime").asText())).isEqualTo(Instant.parse("2026-11-10T09:10:00Z"));
        assertThat(test.get("items").get("removed")).isEmpty();
        assertThat(test.get("items").get("changed")).isEmpty();

        assertThat(incidents()).as("a test never records incidents").isEqualTo(incidentsBefore);
        assertThat(jdbc.queryForObject("select count(*) from incidents where account_id in (?, ?)", Integer.class,
                account.id(), other.id())).isZero();

        // The review's view of it, and the page.
        MvcResult page = mvc.perform(get("/rules/drafts/" + draftId + "/tests/" + testId).with(analyst)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("Outbreak of WORM_TWO_" + tag + " on 2 hosts")
                .contains("id=\"added\"").contains("id=\"removed\"").as("no polling once done").doesNotContain("/progress");
    }

    @Test
    void theDraftsExceptionsHideWhatTheyWouldSuppress() throws Exception {
        asAnalyst(() -> drafts.addException(draftId, new RuleException(null, OUTBREAK, RuleException.Kind.THREAT,
                "worm_two_" + tag.toLowerCase(), null, "the lab's test worm", null), analystName));

        JsonNode test = awaitEnd(json.readTree(start("{\"accountId\":" + account.id()
                + ",\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}").getResponse().getContentAsString())
                .get("testId").asLong());

        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("DONE");
        assertThat(test.get("added").asInt()).as("the two-host worm is suppressed by the draft's exception").isZero();
        assertThat(test.get("removed").asInt()).isZero();
        assertThat(test.get("unchanged").asInt()).as("the three-host worm").isEqualTo(1);
    }

    @Test
    void pastedLinesAreTestedAndLinesThatDoNotParseAreRefusedWithTheirNumbers() throws Exception {
        String lines = String.join("\n", detection("2026-11-20T10:00:00Z", "WORM_PASTED", "pc-1"),
                detection("2026-11-20T10:01:00Z", "WORM_PASTED", "pc-2"));
        MvcResult queued = start(json.writeValueAsString(Map.of("lines", lines)));
        assertThat(queued.getResponse().getStatus()).as(queued.getResponse().getContentAsString()).isEqualTo(202);
        JsonNode test = awaitEnd(json.readTree(queued.getResponse().getContentAsString()).get("testId").asLong());
        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("DONE");
        assertThat(test.get("accountId").isNull()).isTrue();
        assertThat(test.get("linesPasted").asInt()).isEqualTo(2);
        assertThat(test.get("added").asInt()).isEqualTo(1);
        assertThat(longs(test.get("items").get("added").get(0).get("evidenceIds"))).as("line numbers").containsExactly(1L, 2L);

        MvcResult refused = start(json.writeValueAsString(Map.of("lines", lines + "\nnot a log line\n" + lines + "\n{\"x\":")));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.getResponse().getContentAsString());
        assertThat(problem.get("detail").asText()).contains("2 line(s) do not parse").contains("line 3");
        assertThat(problem.get("errors")).extracting(e -> e.get("line").asLong()).containsExactly(3L, 6L);
        assertThat(problem.get("errors").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void badRangesUnknownThingsAndADraftThatDoesNotCompileAreProblemDetails() throws Exception {
        assertProblem(start("{\"accountId\":" + account.id() + ",\"from\":\"2026-10-01\",\"to\":\"2026-11-01\"}"), 400,
                "at most 31 days, not 32");
        assertThat(start("{\"accountId\":" + account.id() + ",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}")
                .getResponse().getStatus()).as("31 days are allowed").isEqualTo(202);
        assertProblem(start("{\"accountId\":" + account.id() + ",\"from\":\"2026-11-12\",\"to\":\"2026-11-10\"}"), 400,
                "before from");
        assertProblem(start("{\"accountId\":" + account.id() + ",\"from\":\"2026-11-xx\",\"to\":\"2026-11-10\"}"), 400,
                "YYYY-MM-DD");
        assertProblem(start("{\"accountId\":987654321,\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}"), 404,
                "No account 987654321");
        assertProblem(start("{\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}"), 400, "either accountId");
        assertProblem(mvc.perform(post("/api/v1/rule-drafts/987654321/tests").with(analyst).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"lines\":\"x\"}")).andReturn(), 404, "#987654321");
        assertProblem(mvc.perform(get("/api/v1/rule-draft-tests/987654321").with(analyst)).andReturn(), 404, "987654321");

        asAnalyst(() -> drafts.saveFile(draftId, "broken.drl",
                "package tmsp.rules.broken\nrule \"Broken\" @id(\"broken\") @severity(\"low\")\nwhen\n  Nonsense(\nthen\nend\n",
                analystName));
        MvcResult broken = start("{\"accountId\":" + account.id() + ",\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}");
        assertProblem(broken, 422, "does not compile");
        JsonNode problems = json.readTree(broken.getResponse().getContentAsString()).get("problems");
        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(p -> assertThat(p.get("file").asText()).isEqualTo("broken.drl"));
    }

    @Test
    void aRunningTestIsCancelledAndAQueuedOneEndsAtOnce() throws Exception {
        // A draft whose rule is slow on purpose: a few milliseconds per detection, so the test runs long enough.
        asAnalyst(() -> drafts.saveFile(draftId, "slow.drl", """
                package tmsp.rules.slow
                import tmsp.correlation.DetectionFact
                global tmsp.correlation.RaisedIncidents incidents
                rule "Slow on purpose"
                    @id("slow-on-purpose") @severity("low")
                when
                    DetectionFact( $id : id )
                    eval( new java.util.TreeSet(java.util.Collections.nCopies(300000, Long.valueOf($id))).size() > 1 )
                then
                end
                """, analystName));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            lines.append(detection(Instant.parse("2026-11-20T00:00:00Z").plusSeconds(i).toString(), "W" + i, "pc-" + i))
                    .append('\n');
        }
        MvcResult queued = start(json.writeValueAsString(Map.of("lines", lines.toString())));
        assertThat(queued.getResponse().getStatus()).as(queued.getResponse().getContentAsString()).isEqualTo(202);
        long running = json.readTree(queued.getResponse().getContentAsString()).get("testId").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> read(running).get("status").asText().equals("RUNNING")
                && read(running).get("progress").asDouble() > 0);

        // A second test waits behind it (one worker), and a cancel ends it before it starts.
        MvcResult second = start(json.writeValueAsString(Map.of("lines",
                String.join("\n", lines.toString().lines().limit(20).toList()))));
        assertThat(second.getResponse().getStatus()).as(second.getResponse().getContentAsString()).isEqualTo(202);
        long waiting = json.readTree(second.getResponse().getContentAsString()).get("testId").asLong();
        MvcResult cancelWaiting = mvc.perform(post("/api/v1/rule-draft-tests/" + waiting + "/cancel").with(analyst).with(csrf())).andReturn();
        assertThat(cancelWaiting.getResponse().getStatus()).isEqualTo(202);
        assertThat(read(waiting).get("status").asText()).isEqualTo("CANCELLED");

        MvcResult cancel = mvc.perform(post("/api/v1/rule-draft-tests/" + running + "/cancel").with(analyst).with(csrf())).andReturn();
        assertThat(cancel.getResponse().getStatus()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> read(running).get("status").asText().equals("CANCELLED"));
        JsonNode cancelled = read(running);
        assertThat(cancelled.get("finishedAt").isNull()).isFalse();
        assertThat(cancelled.get("added").isNull()).as("no result").isTrue();
        assertThat(read(waiting).get("startedAt").isNull()).as("the cancelled queued test never ran").isTrue();
    }

    @Test
    void onlyAnalystsStartAndCancelAdministratorsReadCustomersGetNothing() throws Exception {
        String body = "{\"accountId\":" + account.id() + ",\"from\":\"2026-11-10\",\"to\":\"2026-11-12\"}";
        MvcResult queued = start(body);
        long testId = json.readTree(queued.getResponse().getContentAsString()).get("testId").asLong();
        awaitEnd(testId);
        RequestPostProcessor admin = user("admin").roles("ADMIN");
        RequestPostProcessor customer = user(account.portalUser()).roles("CUSTOMER");

        assertThat(status(get("/api/v1/rule-draft-tests/" + testId).with(admin))).isEqualTo(200);
        assertThat(status(get("/rules/drafts/" + draftId + "/tests").with(admin))).isEqualTo(200);
        assertThat(status(get("/rules/drafts/" + draftId + "/tests/" + testId).with(admin))).isEqualTo(200);
        assertThat(status(post("/api/v1/rule-drafts/" + draftId + "/tests").with(admin).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body))).isEqualTo(403);
        assertThat(status(post("/api/v1/rule-draft-tests/" + testId + "/cancel").with(admin).with(csrf()))).isEqualTo(403);

        assertThat(status(get("/api/v1/rule-draft-tests/" + testId).with(customer))).isEqualTo(403);
        assertThat(status(post("/api/v1/rule-drafts/" + draftId + "/tests").with(customer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body))).isEqualTo(403);
        assertThat(status(post("/api/v1/rule-draft-tests/" + testId + "/cancel").with(customer).with(csrf()))).isEqualTo(403);
        assertThat(status(get("/rules/drafts/" + draftId + "/tests").with(customer))).isEqualTo(403);
        assertThat(status(get("/rules/drafts/" + draftId + "/tests/" + testId).with(customer))).isEqualTo(403);
        assertThat(status(get("/rules/drafts/" + draftId + "/tests/" + testId + "/progress").with(customer))).isEqualTo(403);
        assertThat(status(post("/rules/drafts/" + draftId + "/tests").with(customer).with(csrf())
                .param("accountId", String.valueOf(account.id())).param("from", "2026-11-10").param("to", "2026-11-12")))
                .isEqualTo(403);
    }

    @Test
    void theFormStartsATestAndShowsItsErrorsBesideIt() throws Exception {
        MvcResult page = mvc.perform(get("/rules/drafts/" + draftId + "/tests").with(analyst)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("id=\"test-form\"").contains(account.name());

        MvcResult tooLong = mvc.perform(post("/rules/drafts/" + draftId + "/tests").with(analyst).with(csrf())
                .param("mode", "stored").param("accountId", String.valueOf(account.id()))
                .param("from", "2026-10-01").param("to", "2026-11-12")).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(tooLong.getResponse().getContentAsString()).contains("id=\"test-error\"").contains("at most 31 days");

        MvcResult started = mvc.perform(post("/rules/drafts/" + draftId + "/tests").with(analyst).with(csrf())
                .param("mode", "stored").param("accountId", String.valueOf(account.id()))
                .param("from", "2026-11-10").param("to", "2026-11-12")).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        assertThat(started.getResponse().getRedirectedUrl()).startsWith("/rules/drafts/" + draftId + "/tests/");
    }

    // --- helpers ---

    MvcResult start(String body) throws Exception {
        return mvc.perform(post("/api/v1/rule-drafts/" + draftId + "/tests").with(analyst).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    void assertProblem(MvcResult result, int status, String detail) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).contains("application/problem+json");
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("detail").asText()).contains(detail);
    }

    JsonNode read(long testId) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/rule-draft-tests/" + testId).with(analyst)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    JsonNode awaitEnd(long testId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> TestStatus.valueOf(read(testId).get("status").asText()).ended());
        try {
            return read(testId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    int incidents() {
        return jdbc.queryForObject("select count(*) from incidents", Integer.class);
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    /** RuleDrafts records the actor it is given; a security context makes it the analyst throughout. */
    <T> T asAnalyst(java.util.concurrent.Callable<T> work) throws Exception {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                analystName, "n/a", List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANALYST"))));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    String token(ApplianceClient client, TestAccounts.Created owner) throws Exception {
        return json.readTree(client.register(owner, "DISCOVERY", UUID.randomUUID().toString()).body()).get("token").asText();
    }

    static String detection(String time, String threat, String host) {
        return "{\"eventTime\":\"" + time + "\",\"severity\":\"medium\",\"threatType\":\"Malware\",\"threatName\":\""
                + threat + "\",\"sourceHost\":\"" + host + "\",\"destinationAddress\":\"203.0.113.5\"}";
    }

    void upload(ApplianceClient client, String productToken, String... lines) throws Exception {
        HttpResponse<String> answer = client.post("/api/v1/logs", "Bearer " + productToken, "application/x-ndjson",
                String.join("\n", lines) + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
