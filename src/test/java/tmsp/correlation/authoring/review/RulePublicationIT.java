package tmsp.correlation.authoring.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;
import tmsp.support.IntegrationTest;
import tmsp.support.RuleSets;

/**
 * Four-eyes publication on PostgreSQL with the real engine: an analyst submits through the page, another analyst or
 * an administrator decides in the task list, and the publish job swaps the version in.
 */
@IntegrationTest
class RulePublicationIT {

    static final String AUTHOR = "ann-review";

    @Autowired MockMvc mvc;
    @Autowired RuleDrafts drafts;
    @Autowired RuleSetStore store;
    @Autowired CorrelationRules rules;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    RequestPostProcessor ann = user(AUTHOR).roles("ANALYST");
    RequestPostProcessor bob = user("bob-review").roles("ANALYST");
    RequestPostProcessor admin = user("admin-review").roles("ADMIN");
    RequestPostProcessor customer = user("customer-review").roles("CUSTOMER");

    @AfterEach
    void publishTheFirstVersionAgain() {
        runtime.createProcessInstanceQuery().processDefinitionKey(PublicationProcess.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test done"));
        RuleSets.publishTheFirstVersionAgain(store, jdbc, rules);
    }

    @Test
    void anAnalystSubmitsAnotherApprovesInTheTaskListAndTheNewVersionIsInUse() throws Exception {
        RuleSetDraft draft = fiveHosts();
        String before = rules.current().version();

        assertThat(page("/rules/drafts/" + draft.id() + "/review", ann)).contains("id=\"submit-for-review\"",
                "id=\"diff-parameter-malware-outbreak.hosts\"", "id=\"no-test-yet\"", "five hosts");
        mvc.perform(post("/rules/drafts/" + draft.id() + "/review").param("comment", "outbreaks from five hosts")
                        .with(ann)).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/rules/drafts/" + draft.id() + "/review").param("comment", "outbreaks from five hosts")
                        .with(ann).with(csrf()))
                .andExpect(redirectedUrl("/rules/drafts/" + draft.id() + "/review"))
                .andExpect(flash().attribute("success", "rulereview.submitted"));

        RuleSetDraft submitted = drafts.get(draft.id());
        assertThat(submitted.state()).isEqualTo("IN_REVIEW");
        assertThat(submitted.comment()).isEqualTo("outbreaks from five hosts");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(submitted.reviewProcessId()).singleResult()
                .getBusinessKey()).isEqualTo("rule-set:" + draft.id());
        assertThat(page("/rules/drafts/" + draft.id() + "/review", ann)).contains("id=\"in-review\"")
                .doesNotContain("id=\"submit-for-review\"");
        Task task = reviewTask(submitted);
        assertThat(task.getName()).isEqualTo("Review rule set " + draft.label());

        // The author sees the task (an analyst) but cannot complete it.
        assertThat(page("/tasks/" + task.getId(), ann)).contains("id=\"rule-review-form\"",
                "id=\"diff-parameter-malware-outbreak.hosts\"", "id=\"no-test-yet\"", "outbreaks from five hosts");
        assertThat(mvc.perform(post("/tasks/" + task.getId()).param("decision", "approve").param("comment", "mine")
                        .with(ann).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"decision-feedback\"", "The author cannot review their own draft");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        mvc.perform(post("/tasks/" + task.getId()).param("decision", "approve").param("comment", "agreed")
                        .with(bob).with(csrf()))
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("success", "tasks.completed"));
        assertThat(rules.current().version()).as("published by its own job").isEqualTo(before);
        management.executeJob(job(submitted).getId());

        RuleSetDraft published = drafts.get(draft.id());
        assertThat(published.state()).isEqualTo("PUBLISHED");
        assertThat(published.reviewer()).isEqualTo("bob-review");
        assertThat(published.reviewComment()).isEqualTo("agreed");
        assertThat(rules.current().version()).isEqualTo(published.label()).isNotEqualTo(before);
        assertThat(rules.current().overrides()).containsEntry("malware-outbreak.hosts", "5");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(submitted.reviewProcessId())
                .singleResult().getEndActivityId()).isEqualTo(PublicationProcess.PUBLISHED_END);
        mvc.perform(get("/api/v1/rule-sets/published").with(bob)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(published.label()))
                .andExpect(jsonPath("$.versionId").value(published.id()))
                .andExpect(jsonPath("$.inUseOnThisNode").value(published.label()))
                .andExpect(jsonPath("$.publishedAt").isNotEmpty());
        assertThat(auditDetails(draft.label())).anyMatch(d -> d.equals("submitted for review: outbreaks from five hosts"));
        assertThat(auditDetails(published.label())).contains("approved and published: agreed");
        assertThat(page("/rules/versions/" + published.id() + "/diff", admin)).contains(
                "id=\"diff-parameter-malware-outbreak.hosts\"", published.label() + " against ");
    }

    @Test
    void anAdministratorReviewsAndReturnsTheDraftButCannotSubmit() throws Exception {
        RuleSetDraft draft = fiveHosts();
        assertThat(page("/rules/drafts/" + draft.id() + "/review", admin)).contains("id=\"draft-facts\"")
                .doesNotContain("id=\"submit-for-review\"");
        mvc.perform(post("/rules/drafts/" + draft.id() + "/review").with(admin).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(drafts.get(draft.id()).state()).isEqualTo("DRAFT");

        submit(draft);
        Task task = reviewTask(drafts.get(draft.id()));
        String missingReason = mvc.perform(post("/tasks/" + task.getId()).param("decision", "reject")
                .with(admin).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missingReason).contains("id=\"comment-feedback\"", "Say why you return the draft.");
        mvc.perform(post("/tasks/" + task.getId()).param("decision", "reject").param("comment", "explain the threshold")
                        .with(admin).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        management.executeJob(job(drafts.get(draft.id())).getId());

        RuleSetDraft returned = drafts.get(draft.id());
        assertThat(returned.state()).isEqualTo("DRAFT");
        assertThat(returned.reviewer()).isEqualTo("admin-review");
        assertThat(returned.reviewComment()).isEqualTo("explain the threshold");
        assertThat(page("/rules/drafts/" + draft.id() + "/review", ann)).contains("id=\"draft-review-comment\"",
                "explain the threshold", "id=\"submit-for-review\"");
        assertThat(auditDetails(draft.label())).contains("rejected: explain the threshold");
    }

    @Test
    void aDraftThatDoesNotCompileIsRefusedWithItsProblemsAndNoReviewStarts() throws Exception {
        RuleSetDraft draft = drafts.create(AUTHOR, null, "broken");
        drafts.saveFile(draft.id(), "broken.drl", "package tmsp.rules.b\nrule \"b\" @id(\"b\") @severity(\"low\")\n"
                + "when then nonsense(; end\n", AUTHOR);

        String refused = mvc.perform(post("/rules/drafts/" + draft.id() + "/review").param("comment", "try")
                .with(ann).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("id=\"submit-problems\"", "broken.drl:3", "does not compile");
        assertThat(drafts.get(draft.id()).state()).isEqualTo("DRAFT");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PublicationProcess.KEY)
                .processInstanceBusinessKey("rule-set:" + draft.id()).count()).as("the start was rolled back").isZero();
        assertThat(auditDetails(draft.label())).noneMatch(d -> d.startsWith("submitted"));
    }

    @Test
    void aDraftThatNoLongerCompilesWhenApprovedIsNeverPublishedAndBecomesAnIncident() throws Exception {
        RuleSetDraft draft = fiveHosts();
        String before = rules.current().version();
        long publishedBefore = store.publishedId().orElseThrow();
        submit(draft);
        // As if the compiler had become stricter since the submission: the stored file no longer compiles.
        jdbc.update("update rule_set_files set drl = drl || '\nrule \"late\" when then nonsense(; end\n'"
                + " where version_id = ? and file_name = 'outbreak.drl'", draft.id());
        mvc.perform(post("/tasks/" + reviewTask(drafts.get(draft.id())).getId()).param("decision", "approve")
                .with(bob).with(csrf())).andExpect(redirectedUrl("/tasks"));

        RuleSetDraft inReview = drafts.get(draft.id());
        for (int attempt = 0; attempt < 3; attempt++) {
            String jobId = job(inReview).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("do not compile");
        }

        assertThat(job(inReview).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(inReview.reviewProcessId()).singleResult()
                .getActivityId()).isEqualTo(PublicationProcess.PUBLISH_TASK);
        assertThat(drafts.get(draft.id()).state()).isEqualTo("IN_REVIEW");
        assertThat(store.publishedId()).contains(publishedBefore);
        assertThat(rules.current().version()).isEqualTo(before);
    }

    @Test
    void customersReachNoneOfItAndAnalystsAndAdministratorsReadTheDiffs() throws Exception {
        RuleSetDraft draft = fiveHosts();
        long published = store.publishedId().orElseThrow();
        mvc.perform(get("/rules/drafts/" + draft.id() + "/review").with(customer)).andExpect(status().isForbidden());
        mvc.perform(post("/rules/drafts/" + draft.id() + "/review").with(customer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rules/versions/" + draft.id() + "/diff").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rule-sets/published").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rule-sets/published").with(admin)).andExpect(status().isOk());

        drafts.saveFile(draft.id(), "outbreak.drl", draft.files().get("outbreak.drl") + "\n// <reviewed>\n", AUTHOR);
        drafts.addException(draft.id(), new RuleException(null, "malware-outbreak", RuleException.Kind.CIDR,
                "10.9.0.0/16", null, "the lab", null), AUTHOR);
        assertThat(page("/rules/versions/" + draft.id() + "/diff", ann)).contains(
                "id=\"diff-parameter-malware-outbreak.hosts\"", draft.label() + " against ",
                "id=\"diff-file-outbreak.drl\"", "class=\"table-success diff-added\"", "// &lt;reviewed&gt;",
                "class=\"table-success diff-exception-added\"", "10.9.0.0/16", "the lab")
                .doesNotContain("// <reviewed>");
        assertThat(page("/rules/versions/" + published + "/diff?against=" + draft.id(), admin))
                .contains("id=\"diff-parameter-malware-outbreak.hosts\"");
        assertThat(page("/rules/versions/" + draft.id() + "/diff?against=" + draft.id(), ann))
                .contains("id=\"diff-empty\"");
        mvc.perform(get("/rules/versions/987654321/diff").with(ann)).andExpect(status().isNotFound());
        mvc.perform(get("/rules/drafts/987654321/review").with(ann)).andExpect(status().isNotFound());

        submit(draft);
        mvc.perform(get("/tasks/" + reviewTask(drafts.get(draft.id())).getId()).with(customer))
                .andExpect(status().isNotFound());
    }

    private RuleSetDraft fiveHosts() {
        RuleSetDraft draft = drafts.create(AUTHOR, null, "five hosts");
        return drafts.saveParameters(draft.id(), Map.of("malware-outbreak.hosts", "5"), AUTHOR);
    }

    private void submit(RuleSetDraft draft) throws Exception {
        mvc.perform(post("/rules/drafts/" + draft.id() + "/review").param("comment", "please").with(ann).with(csrf()))
                .andExpect(redirectedUrl("/rules/drafts/" + draft.id() + "/review"));
    }

    private Task reviewTask(RuleSetDraft draft) {
        return tasks.createTaskQuery().processInstanceId(draft.reviewProcessId()).singleResult();
    }

    private Job job(RuleSetDraft draft) {
        return management.createJobQuery().processInstanceId(draft.reviewProcessId()).singleResult();
    }

    private List<String> auditDetails(String label) {
        return jdbc.queryForList("select details from audit_events where target = ?", String.class, "rule set " + label);
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
