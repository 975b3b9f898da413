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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Rule exceptions end to end on PostgreSQL: published through a four-eyes review, applied by a correlation run of
 * planted detections, the suppressed incident kept but hidden (lists, API, counts, announcements) and shown with
 * the filter; the preview counts stored incidents exactly; the page's roles.
 */
@IntegrationTest
@RecordApplicationEvents
class RuleExceptionsIT {

    static final String OUTBREAK = "malware-outbreak";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CorrelationRules rules;
    @Autowired RuleDrafts drafts;
    @Autowired RuleSetStore store;
    @Autowired UserDetailsService users;
    @Autowired ApplicationEvents events;

    TestAccounts.Created account;
    String token;
    String tag;
    /** Two days ago: inside the preview's 30 days, and a day a run may correlate. */
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    RuleSetStore.StoredVersion before;

    @BeforeEach
    void anAccountWithAnAppliance() throws Exception {
        before = store.published().orElseThrow();
        account = TestAccounts.create(mvc, json, jdbc, "Excepted");
        token = json.readTree(new ApplianceClient(port).register(account, "DISCOVERY", UUID.randomUUID().toString())
                .body()).get("token").asText();
        tag = UUID.randomUUID().toString().substring(0, 4);
    }

    @AfterEach
    void publishWithoutExceptionsAgain() {
        store.publish(before.files(), before.overrides(), "test", "test", "without the test's exceptions");
        rules.refresh();
    }

    @Test
    void aSuppressedIncidentIsKeptMarkedHiddenAndNeverAnnounced() throws Exception {
        RuleSetDraft draft = drafts.create("alice", null, "the lab's test machines");
        drafts.addException(draft.id(), new RuleException(null, OUTBREAK, RuleException.Kind.HOST,
                "LAB-" + tag + "-*", null, "test machines", null), "alice");
        drafts.submit(draft.id(), "alice", "ignore the lab", null);
        RuleSetDraft published = drafts.approve(draft.id(), "bob", "agreed");
        RuleException exception = published.exceptions().get(0);
        assertThat(rules.current().exceptions()).containsExactly(exception);

        String lab = "LAB/" + tag;
        String office = "OFFICE/" + tag;
        upload(detection("10:00", lab, "lab-" + tag + "-1"), detection("10:01", lab, "lab-" + tag + "-2"),
                detection("10:02", lab, "lab-" + tag + "-3"), detection("12:00", office, "pc-" + tag + "-1"),
                detection("12:01", office, "pc-" + tag + "-2"), detection("12:02", office, "pc-" + tag + "-3"));
        JsonNode run = execute(request());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.get("ruleSetVersion").asText()).isEqualTo(published.label());

        Map<String, Object> hidden = outbreak(lab);
        Map<String, Object> shown = outbreak(office);
        assertThat(hidden.get("suppressed_by_exception")).isEqualTo(exception.id());
        assertThat((String) hidden.get("suppressed_reason")).contains("HOST", "LAB-" + tag + "-*", published.label(),
                "test machines");
        assertThat(shown.get("suppressed_by_exception")).isNull();
        long hiddenId = (Long) hidden.get("id");
        long shownId = (Long) shown.get("id");

        // Only the incident in sight is announced (so only it can become an outbreak notification).
        assertThat(raisedEvents(hiddenId)).isZero();
        assertThat(raisedEvents(shownId)).isOne();
        // The Incidents column counts what is in sight.
        Integer visible = jdbc.queryForObject("select count(*) from incidents where account_id = ?"
                + " and suppressed_by_exception is null", Integer.class, account.id());
        assertThat(listedIncidents()).isEqualTo(visible);
        assertThat(jdbc.queryForObject("select count(*) from incidents where account_id = ?", Integer.class,
                account.id())).isEqualTo(visible + 1);

        // The API: hidden by default, shown with the filter, the item names its exception.
        assertThat(apiIds(null)).contains(shownId).doesNotContain(hiddenId);
        assertThat(apiIds("true")).containsExactly(hiddenId);
        assertThat(apiIds("any")).contains(shownId, hiddenId);
        assertThat(apiIds("false")).isEqualTo(apiIds(null));
        MvcResult bad = mvc.perform(admin(get("/api/v1/accounts/" + account.id() + "/incidents"))
                .param("suppressed", "maybe")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentType()).isEqualTo("application/problem+json");
        JsonNode item = json.readTree(mvc.perform(admin(get("/api/v1/incidents/" + hiddenId))).andReturn()
                .getResponse().getContentAsString());
        assertThat(item.get("suppressed").asBoolean()).isTrue();
        assertThat(item.get("suppressedByException").asLong()).isEqualTo(exception.id());
        assertThat(item.get("suppressedReason").asText()).contains("LAB-" + tag + "-*");

        // The pages: the same, with a checkbox; the detail page says which exception.
        String list = page("/accounts/" + account.id() + "/incidents");
        assertThat(list).contains("id=\"incident-" + shownId + "\"", "id=\"suppressed\"")
                .doesNotContain("id=\"incident-" + hiddenId + "\"");
        assertThat(page("/accounts/" + account.id() + "/incidents?suppressed=any"))
                .contains("id=\"incident-" + shownId + "\"", "id=\"incident-" + hiddenId + "\"");
        assertThat(page("/incidents?suppressed=true&rule=" + OUTBREAK)).contains("id=\"incident-" + hiddenId + "\"")
                .doesNotContain("id=\"incident-" + shownId + "\"");
        assertThat(page("/incidents/" + hiddenId)).contains("id=\"incident-suppressed\"",
                "rule exception #" + exception.id(), "LAB-" + tag + "-*");
        assertThat(page("/incidents/" + shownId)).doesNotContain("id=\"incident-suppressed\"");

        // Rerunning the day changes nothing.
        JsonNode again = execute(request());
        assertThat(again.get("incidentsRaised").asInt()).isZero();
        assertThat(again.get("incidentsUpdated").asInt()).isZero();
        assertThat(outbreak(lab)).isEqualTo(hidden);
        assertThat(raisedEvents(hiddenId)).isZero();
    }

    @Test
    void theLatestRunsVerdictIsStoredSoANewVersionBringsAnIncidentBack() throws Exception {
        String threat = "REVEALED/" + tag;
        RuleSetDraft draft = drafts.create("alice", null, null);
        drafts.addException(draft.id(), new RuleException(null, OUTBREAK, RuleException.Kind.THREAT, threat, null,
                null, null), "alice");
        drafts.submit(draft.id(), "alice", null, null);
        drafts.approve(draft.id(), "bob", null);
        upload(detection("09:00", threat, "a-" + tag), detection("09:01", threat, "b-" + tag),
                detection("09:02", threat, "c-" + tag));
        execute(request());
        long id = (Long) outbreak(threat).get("id");
        assertThat(outbreak(threat).get("suppressed_by_exception")).isNotNull();
        assertThat(raisedEvents(id)).isZero();

        store.publish(before.files(), before.overrides(), "test", "test", "the exception is gone");
        rules.refresh();
        JsonNode rerun = execute(request());

        assertThat(rerun.get("incidentsUpdated").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(outbreak(threat).get("id")).as("the same incident").isEqualTo(id);
        assertThat(outbreak(threat).get("suppressed_by_exception")).isNull();
        assertThat(raisedEvents(id)).as("announced when it comes into sight").isOne();
    }

    @Test
    void thePreviewCountsTheStoredIncidentsTheExceptionWouldHaveSuppressed() throws Exception {
        String[] threats = {"PREVIEW-A/" + tag, "PREVIEW-B/" + tag, "PREVIEW-C/" + tag};
        List<String> lines = new ArrayList<>();
        int minute = 0;
        for (String threat : threats) {
            for (int host = 1; host <= 3; host++) {
                lines.add(detection(String.format("14:%02d", minute++), threat, "h" + host + "-" + tag,
                        threat.startsWith("PREVIEW-C") ? "203.0.113.77" : v6(host)));
            }
        }
        upload(lines.toArray(String[]::new));
        execute(request());
        RuleSetDraft draft = drafts.create("carol", null, "preview");
        String path = "/rules/drafts/" + draft.id() + "/exceptions";
        var analyst = user("dave").roles("ANALYST");

        String byCidr = preview(path, analyst, "CIDR", "2001:db8:" + tag + "::/48");
        assertThat(count(byCidr)).as("the two outbreaks with the IPv6 addresses").isEqualTo(2);
        assertThat(byCidr).contains("id=\"preview-incident-" + outbreak(threats[0]).get("id") + "\"",
                "id=\"preview-incident-" + outbreak(threats[1]).get("id") + "\"", account.name())
                .doesNotContain("id=\"preview-incident-" + outbreak(threats[2]).get("id") + "\"");
        assertThat(count(preview(path, analyst, "THREAT", "preview-?/" + tag))).as("no such name").isZero();
        assertThat(count(preview(path, analyst, "THREAT", "preview-*/" + tag))).isEqualTo(3);
        assertThat(count(preview(path, analyst, "ADDRESS", "2001:DB8:" + tag + ":0:0:0:0:2"))).isEqualTo(2);
        assertThat(preview(path, analyst, "CIDR", "2001:db8::/999")).contains("id=\"preview-error\"")
                .doesNotContain("id=\"preview-count\"");
    }

    @Test
    void analystsEditAdminsReadCustomersNeverSee() throws Exception {
        RuleSetDraft draft = drafts.create("erin", null, "roles");
        String path = "/rules/drafts/" + draft.id() + "/exceptions";
        var customer = users.loadUserByUsername(account.portalUser());
        var admin = user("root").roles("ADMIN");
        var analyst = user("frank").roles("ANALYST");

        assertThat(status(get(path).with(user(customer)))).isEqualTo(403);
        assertThat(status(post(path + "/preview").with(user(customer)).with(csrf()))).isEqualTo(403);
        assertThat(status(get(path).with(admin))).isEqualTo(200);
        assertThat(status(add(path, admin, OUTBREAK, "HOST", "pc-1"))).isEqualTo(403);
        assertThat(drafts.get(draft.id()).exceptions()).isEmpty();
        assertThat(status(post(path).with(analyst).param("ruleId", OUTBREAK).param("kind", "HOST")
                .param("pattern", "pc-1"))).as("without the CSRF token").isEqualTo(403);

        MvcResult refused = mvc.perform(add(path, analyst, OUTBREAK, "CIDR", "10.1.0.0/33")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("id=\"form-error\"", "not a CIDR range",
                "value=\"10.1.0.0/33\"");
        assertThat(status(add(path, analyst, "no-such-rule", "HOST", "pc-1"))).isEqualTo(400);
        assertThat(status(add(path, analyst, OUTBREAK, "HOST", "pc-1").param("until", "31.12.2026"))).isEqualTo(400);
        assertThat(drafts.get(draft.id()).exceptions()).isEmpty();

        MvcResult added = mvc.perform(add(path, analyst, OUTBREAK, "ADDRESS", "10.1.2.3").param("until", "2026-12-31")
                .param("comment", "the scanner")).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(path);
        RuleException stored = drafts.get(draft.id()).exceptions().get(0);
        assertThat(stored.author()).isEqualTo("frank");
        assertThat(stored.until()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(page(path, admin)).contains("id=\"exception-" + stored.id() + "\"", "the scanner")
                .doesNotContain("id=\"exception-form\"", "id=\"remove-" + stored.id() + "\"");
        assertThat(page(path, analyst)).contains("id=\"exception-form\"", "id=\"remove-" + stored.id() + "\"");

        assertThat(status(post(path + "/" + stored.id() + "/delete").with(admin).with(csrf()))).isEqualTo(403);
        mvc.perform(post(path + "/" + stored.id() + "/delete").with(analyst).with(csrf())).andReturn();
        assertThat(drafts.get(draft.id()).exceptions()).isEmpty();

        drafts.submit(draft.id(), "erin", null, null);
        assertThat(status(add(path, analyst, OUTBREAK, "HOST", "pc-2"))).as("in review").isEqualTo(409);
        assertThat(page(path, analyst)).contains("id=\"exceptions-readonly\"").doesNotContain("id=\"exception-form\"");
        assertThat(status(get("/rules/drafts/987654321/exceptions").with(analyst))).isEqualTo(404);
    }

    // --- helpers ---

    String detection(String time, String threat, String host) {
        return detection(time, threat, host, "203.0.113.5");
    }

    String detection(String time, String threat, String host, String destination) {
        return "{\"eventTime\":\"" + day + "T" + time + ":00Z\",\"severity\":\"medium\",\"threatType\":\"Malware\","
                + "\"threatName\":\"" + threat + "\",\"sourceHost\":\"" + host + "\",\"destinationAddress\":\""
                + destination + "\"}";
    }

    /** An address of the test's own /48, written long and upper-case as an appliance might. */
    String v6(int host) {
        return "2001:0DB8:" + tag.toUpperCase() + ":0000::" + (host % 2 + 1);
    }

    void upload(String... lines) throws Exception {
        HttpResponse<String> answer = new ApplianceClient(port).post("/api/v1/logs", "Bearer " + token,
                "application/x-ndjson", String.join("\n", lines) + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json.readTree(answer.body()).get("accepted").asInt()).isEqualTo(lines.length);
    }

    long request() throws Exception {
        MvcResult result = mvc.perform(admin(post("/api/v1/accounts/" + account.id() + "/correlation-runs"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"" + day + "\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(202);
        return json.readTree(result.getResponse().getContentAsString()).get("runId").asLong();
    }

    JsonNode execute(long runId) throws Exception {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CorrelationProcess.runKey(runId)).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        return json.readTree(mvc.perform(admin(get("/api/v1/correlation-runs/" + runId))).andReturn().getResponse()
                .getContentAsString());
    }

    Map<String, Object> outbreak(String threat) {
        return jdbc.queryForMap("select id, detection_count, suppressed_by_exception, suppressed_reason from incidents"
                + " where account_id = ? and rule_id = ? and grouping_value = ?", account.id(), OUTBREAK, threat);
    }

    /** IncidentRaised events of the incident published by this test (runs execute in the test's thread). */
    long raisedEvents(long incidentId) {
        return events.stream(IncidentRaised.class).filter(e -> e.incidentId() == incidentId).count();
    }

    Integer listedIncidents() throws Exception {
        String page = mvc.perform(admin(get("/api/v1/accounts")).param("q", account.name())).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(page).get("items").get(0).get("incidents").asInt();
    }

    List<Long> apiIds(String suppressed) throws Exception {
        MockHttpServletRequestBuilder request = admin(get("/api/v1/accounts/" + account.id() + "/incidents"))
                .param("size", "500");
        if (suppressed != null) {
            request.param("suppressed", suppressed);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(result.getResponse().getContentAsString()).get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    String page(String path) throws Exception {
        return page(path, user("grace").roles("ANALYST"));
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(who)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    String preview(String path, RequestPostProcessor who, String kind, String pattern) throws Exception {
        MvcResult result = mvc.perform(post(path + "/preview").with(who).with(csrf()).header("HX-Request", "true")
                .param("ruleId", OUTBREAK).param("kind", kind).param("pattern", pattern)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The count the preview states, read from its element. */
    static int count(String preview) {
        String text = preview.substring(preview.indexOf("id=\"preview-count\""));
        text = text.substring(text.indexOf('>') + 1);
        return Integer.parseInt(text.substring(0, text.indexOf(' ')));
    }

    MockHttpServletRequestBuilder add(String path, RequestPostProcessor who, String rule, String kind, String pattern) {
        return post(path).with(who).with(csrf()).param("ruleId", rule).param("kind", kind).param("pattern", pattern);
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD));
    }
}
