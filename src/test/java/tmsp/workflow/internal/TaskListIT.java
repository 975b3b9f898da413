package tmsp.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.support.IntegrationTest;

/**
 * The task list over the real engine: a test process ({@code processes-test/task-list-test.bpmn}) puts a task
 * before the administrators, and the test form ({@code TestTaskForm}) completes it.
 */
@IntegrationTest
class TaskListIT {

    static final Pattern BADGE = Pattern.compile("menu-badge[^>]*>(\\d+)</span>");

    @Autowired MockMvc mvc;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired UserDetailsService users;

    UserDetails admin;
    RequestPostProcessor analyst = user("ann-tasks").roles("ANALYST");
    RequestPostProcessor customer = user("customer-tasks").roles("CUSTOMER");

    @BeforeEach
    void deployTheTestProcess() {
        repository.createDeployment().name("task-list-test").enableDuplicateFiltering(false)
                .addClasspathResource("processes-test/task-list-test.bpmn").deploy();
        admin = users.loadUserByUsername("admin");
    }

    @Test
    void anAdministratorClaimsUnclaimsAndCompletesAGroupTaskThroughItsForm() throws Exception {
        long before = badge(user(admin));
        String key = "request-" + UUID.randomUUID().toString().substring(0, 8);
        String instance = runtime.startProcessInstanceByKey("task-list-test", key,
                Map.of("request", "Please approve " + key)).getId();
        String id = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(badge(user(admin))).isEqualTo(before + 1);

        assertThat(page("/tasks?view=GROUPS", user(admin))).contains("id=\"task-" + id + "\"", key,
                "Task list test", "id=\"claim-" + id + "\"");
        assertThat(page("/tasks?view=MINE", user(admin))).doesNotContain("task-" + id);

        mvc.perform(post("/tasks/" + id + "/claim").param("view", "GROUPS").with(user(admin)))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/tasks/" + id + "/claim").param("view", "GROUPS").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?view=MINE")).andExpect(flash().attribute("success", "tasks.claimed"));
        assertThat(assignee(id)).isEqualTo("admin");
        assertThat(page("/tasks?view=MINE", user(admin))).contains("id=\"task-" + id + "\"", "id=\"unclaim-" + id + "\"");
        assertThat(page("/tasks?view=GROUPS", user(admin))).doesNotContain("task-" + id);
        assertThat(badge(user(admin))).isEqualTo(before + 1);

        mvc.perform(post("/tasks/" + id + "/unclaim").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?view=GROUPS")).andExpect(flash().attribute("success", "tasks.unclaimed"));
        assertThat(assignee(id)).isNull();

        assertThat(page("/tasks/" + id, user(admin))).contains("Please approve " + key, "id=\"task-form\"",
                "name=\"_csrf\"", "id=\"complete-task\"");

        String invalid = mvc.perform(post("/tasks/" + id).param("comment", "kept").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("id=\"decision-feedback\"", "Please fill this in.", "value=\"kept\"");
        assertThat(tasks.createTaskQuery().taskId(id).count()).isOne();

        mvc.perform(post("/tasks/" + id).param("decision", "approve").param("comment", "fine")
                        .with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("success", "tasks.completed"));
        assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(id).singleResult();
        assertThat(done.getAssignee()).isEqualTo("admin");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(v -> v.getName() + "=" + v.getValue())
                .contains("decision=approve", "decidedBy=admin", "comment=fine");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
                .isNotNull();
        assertThat(badge(user(admin))).isEqualTo(before);

        assertThat(page("/tasks?view=COMPLETED", user(admin))).contains("id=\"task-" + id + "\"", key, "admin");
        assertThat(page("/tasks/" + id, user(admin))).contains("id=\"task-closed\"", "Completed by admin");
        mvc.perform(post("/tasks/" + id).param("decision", "reject").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("error", "tasks.alreadyCompleted"))
                .andExpect(flash().attribute("flashArg", "admin"));
    }

    @Test
    void othersNeitherSeeNorReachAnAdministratorsTask() throws Exception {
        String key = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
        String instance = runtime.startProcessInstanceByKey("task-list-test", key, Map.of("request", key)).getId();
        String id = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        for (RequestPostProcessor other : new RequestPostProcessor[] {analyst, customer}) {
            for (String view : new String[] {"MINE", "GROUPS", "COMPLETED"}) {
                assertThat(page("/tasks?view=" + view, other)).doesNotContain(key);
            }
            mvc.perform(get("/tasks/" + id).with(other)).andExpect(status().isNotFound());
            mvc.perform(post("/tasks/" + id + "/claim").with(other).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/tasks/" + id).param("decision", "approve").with(other).with(csrf()))
                    .andExpect(status().isNotFound());
            assertThat(badge(other)).isZero();
        }
        assertThat(assignee(id)).isNull();
        assertThat(tasks.createTaskQuery().taskId(id).count()).isOne();

        mvc.perform(post("/tasks/" + id).param("decision", "approve").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/tasks/" + id).with(analyst)).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/no-such-task").with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aTaskClaimedByAnotherCandidateMeanwhileIsExplainedNotFailed() throws Exception {
        String instance = runtime.startProcessInstanceByKey("task-list-test", "raced", Map.of("request", "race")).getId();
        String id = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        RequestPostProcessor colleague = user("colleague").roles("ADMIN");
        mvc.perform(post("/tasks/" + id + "/claim").with(colleague).with(csrf())).andExpect(redirectedUrl("/tasks?view=MINE"));

        mvc.perform(post("/tasks/" + id).param("decision", "approve").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("error", "tasks.claimedByOther"))
                .andExpect(flash().attribute("flashArg", "colleague"));
        mvc.perform(post("/tasks/" + id + "/claim").param("view", "GROUPS").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?view=GROUPS")).andExpect(flash().attribute("error", "tasks.claimedByOther"));
        mvc.perform(get("/tasks/" + id).with(user(admin))).andExpect(status().isNotFound());
        assertThat(assignee(id)).isEqualTo("colleague");
        runtime.deleteProcessInstance(instance, "test done");
    }

    @Test
    void aTaskWithoutARegisteredFormShowsItsVariablesAndCannotBeCompleted() throws Exception {
        String instance = runtime.startProcessInstanceByKey("task-list-test-formless", "formless",
                Map.of("worker", "customer-tasks", "accountId", 42L)).getId();
        String id = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        assertThat(page("/tasks?view=MINE", customer)).contains("id=\"task-" + id + "\"", "Look at it");
        assertThat(badge(customer)).isOne();
        String shown = page("/tasks/" + id, customer);
        assertThat(shown).contains("id=\"no-form\"", "test:unknown", "accountId", "42").doesNotContain("complete-task");
        mvc.perform(post("/tasks/" + id).with(customer).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + id)).andExpect(flash().attribute("error", "tasks.noForm"));
        mvc.perform(post("/tasks/" + id + "/unclaim").with(customer).with(csrf()))
                .andExpect(flash().attribute("error", "tasks.cannotUnclaim"));
        assertThat(assignee(id)).isEqualTo("customer-tasks");
        assertThat(tasks.createTaskQuery().taskId(id).count()).isOne();
        mvc.perform(get("/tasks/" + id).with(analyst)).andExpect(status().isNotFound());
        runtime.deleteProcessInstance(instance, "test done");
    }

    @Test
    void longListsArePagedWithinTheirTab() throws Exception {
        String key = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i <= TaskListController.PAGE_SIZE; i++) {
            runtime.startProcessInstanceByKey("task-list-test", key + "-" + i, Map.of("request", key));
        }
        RequestPostProcessor pagedAdmin = user("pager").roles("ADMIN");
        String first = page("/tasks?view=GROUPS", pagedAdmin);
        assertThat(first).contains("href=\"/tasks?view=GROUPS&amp;page=1\"");
        String second = page("/tasks?view=GROUPS&page=1", pagedAdmin);
        assertThat(second).contains("Page 2 of").contains("href=\"/tasks?view=GROUPS&amp;page=0\"");
        runtime.createProcessInstanceQuery().processDefinitionKey("task-list-test").list().stream()
                .filter(p -> p.getBusinessKey().startsWith(key))
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test done"));
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The number on the menu's Tasks entry, as the page fetches it once loaded; no badge is 0. */
    private long badge(RequestPostProcessor who) throws Exception {
        assertThat(page("/tasks", who)).as("the menu's Tasks entry asks for its badge")
                .contains("hx-get=\"/menu/badge?path=/tasks\"");
        String badge = mvc.perform(get("/menu/badge").param("path", "/tasks").with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = BADGE.matcher(badge);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private String assignee(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task.getAssignee();
    }
}
