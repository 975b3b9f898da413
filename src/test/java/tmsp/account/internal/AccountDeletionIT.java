package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentRecorder;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;

/**
 * Deleting an account through the API, on PostgreSQL and the real engine: at once (204) without products; with
 * products, 202 and a task whose form's variables complete it (as the task list does), then the account is gone.
 */
@IntegrationTest
class AccountDeletionIT {

    static final RequestPostProcessor ADMIN = httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired MoveProductsForm form;
    @Autowired IncidentRecorder incidents;
    @Autowired SpringTemplateEngine templates;
    @Autowired UserDetailsService users;

    TestAccounts.Created leaving;
    TestAccounts.Created staying;

    @BeforeEach
    void twoAccounts() throws Exception {
        leaving = TestAccounts.create(mvc, json, jdbc, "Leaving");
        staying = TestAccounts.create(mvc, json, jdbc, "Staying");
    }

    @Test
    void anAccountWithoutProductsIsGoneAtOnceWithItsLogonAndContactsButItsIncidentsStay() throws Exception {
        long incident = incidentOf(leaving.id());
        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(ADMIN)).andExpect(status().isNoContent());

        assertThat(count("select count(*) from accounts where id = ?", leaving.id())).isZero();
        assertThat(count("select count(*) from users where account_id = ?", leaving.id())).isZero();
        assertThat(count("select count(*) from incidents where id = ? and account_id = ?", incident, leaving.id())).isOne();
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'ACCOUNT_DELETED' and target like ?",
                String.class, "%(#" + leaving.id() + ")")).startsWith("requested ").doesNotContain("products moved");
        mvc.perform(get("/api/v1/accounts/" + leaving.id() + "/deletion").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.requestedBy").value("admin"));
        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void withProductsItWaitsForTheTaskThenMovesThemKeepsTheIncidentsAndLogsWhoDidWhat() throws Exception {
        JsonNode product = register(leaving);
        long incident = incidentOf(leaving.id());

        JsonNode waiting = json.readTree(mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/accounts/" + leaving.id() + "/deletion"))
                .andExpect(jsonPath("$.state").value("WAITING"))
                .andExpect(jsonPath("$.taskList").value("/tasks"))
                .andReturn().getResponse().getContentAsString());
        String taskId = waiting.get("taskId").asText();
        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(ADMIN)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.taskId").value(taskId));
        mvc.perform(get("/api/v1/accounts/" + leaving.id() + "/deletion").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WAITING"))
                .andExpect(jsonPath("$.taskId").value(taskId));
        assertThat(count("select count(*) from accounts where id = ?", leaving.id())).as("nothing deleted yet").isOne();

        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        assertThat(task.getFormKey()).isEqualTo(form.formKey());
        assertThat(tasks.getIdentityLinksForTask(taskId)).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ADMIN"));
        TestAccounts.Created alsoLeaving = TestAccounts.create(mvc, json, jdbc, "Also leaving");
        register(alsoLeaving);
        mvc.perform(delete("/api/v1/accounts/" + alsoLeaving.id()).with(ADMIN)).andExpect(status().isAccepted());
        OpenTask open = open(task);
        assertThat(render(open)).contains(leaving.name(), "tda-01.corp.example", product.get("guid").asText(),
                        "value=\"" + staying.id() + "\"", staying.name())
                .doesNotContain("value=\"" + leaving.id() + "\"", "value=\"" + alsoLeaving.id() + "\"", "no-other-account");

        assertThat(form.complete(open, Map.of(), "admin"))
                .isEqualTo(TaskCompletion.invalid("targetAccountId", "deletion.target.required"));
        assertThat(form.complete(open, Map.of("targetAccountId", String.valueOf(leaving.id())), "admin"))
                .isEqualTo(TaskCompletion.invalid("targetAccountId", "deletion.target.same"));
        assertThat(form.complete(open, Map.of("targetAccountId", "987654321"), "admin"))
                .isEqualTo(TaskCompletion.invalid("targetAccountId", "deletion.target.unknown"));
        assertThat(form.complete(open, Map.of("targetAccountId", String.valueOf(alsoLeaving.id())), "admin"))
                .as("an account whose own deletion waits").isEqualTo(TaskCompletion.invalid("targetAccountId", "deletion.target.leaving"));
        TaskCompletion completion = form.complete(open, Map.of("targetAccountId", String.valueOf(staying.id())), "admin");
        assertThat(completion).isInstanceOf(TaskCompletion.Complete.class);
        tasks.complete(taskId, ((TaskCompletion.Complete) completion).variables());

        assertThat(count("select count(*) from accounts where id = ?", leaving.id())).isZero();
        assertThat(count("select count(*) from users where account_id = ?", leaving.id())).isZero();
        assertThat(count("select count(*) from products where id = ? and account_id = ?", product.get("productId").asLong(),
                staying.id())).as("the product moved, token and all").isOne();
        assertThat(heartbeat(product.get("token").asText())).isEqualTo(200);
        assertThat(count("select count(*) from incidents where id = ? and account_id = ?", incident, leaving.id())).isOne();
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'ACCOUNT_DELETED' and target like ?",
                String.class, "%(#" + leaving.id() + ")"))
                .contains("products moved to account #" + staying.id() + " by admin");
        assertThat(jdbc.queryForObject("select actor from audit_events where action = 'PRODUCT_MOVED' and details = ?",
                String.class, "from account #" + leaving.id() + " to account #" + staying.id())).isEqualTo("admin");
        mvc.perform(get("/api/v1/accounts/" + leaving.id() + "/deletion").with(ADMIN))
                .andExpect(jsonPath("$.state").value("DONE"));
    }

    @Test
    void aCustomerCannotDeleteNorSeeTheDeletionOfAnAccount() throws Exception {
        register(leaving);
        var customer = user(users.loadUserByUsername(staying.portalUser()));
        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(ADMIN)).andExpect(status().isAccepted());

        mvc.perform(get("/api/v1/accounts/" + leaving.id() + "/deletion").with(customer)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(customer)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/accounts/" + staying.id()).with(customer)).andExpect(status().isForbidden());
        assertThat(count("select count(*) from accounts where id in (?, ?)", leaving.id(), staying.id())).isEqualTo(2);
    }

    @Test
    void theAccountPageShowsTheWaitingDeletionAndLinksTheTaskList() throws Exception {
        register(leaving);
        var admin = user("admin").roles("ADMIN");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/accounts/" + leaving.id() + "/delete").with(admin)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/accounts/" + leaving.id()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("success", "accounts.deletionWaits"));
        String page = mvc.perform(get("/accounts/" + leaving.id()).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"pending-deletion\"", "href=\"/tasks\"", "Move the products to another account")
                .doesNotContain("id=\"delete-account\"");
    }

    private JsonNode register(TestAccounts.Created account) throws Exception {
        String guid = UUID.randomUUID().toString().toUpperCase();
        JsonNode answer = json.readTree(new ApplianceClient(port).register(account, "DISCOVERY", guid).body());
        assertThat(answer.get("token")).as("registered: %s", answer).isNotNull();
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("guid", guid);
        return answer;
    }

    private int heartbeat(String token) throws Exception {
        return new ApplianceClient(port).post("/api/v1/heartbeat", "Bearer " + token, "application/json", "{}").statusCode();
    }

    private long incidentOf(long accountId) {
        Instant seen = Instant.parse("2026-11-30T10:00:00Z");
        String grouping = "host-" + UUID.randomUUID();
        incidents.record(accountId, List.of(new IncidentFinding("outbreak", accountId, grouping, "Outbreak", "HIGH",
                List.of("T1105"), seen, seen, Set.of("pc-1"), Set.of("10.0.0.1"), Set.of("TROJ_X"), Set.of())), Map.of());
        return jdbc.queryForObject("select id from incidents where account_id = ? and grouping_value = ?", Long.class,
                accountId, grouping);
    }

    private OpenTask open(Task task) {
        return new OpenTask(task.getId(), task.getName(), task.getFormKey(), DeletionProcess.KEY,
                DeletionProcess.businessKey(leaving.id()), task.getAssignee(), task.getCreateTime().toInstant(),
                runtime.getVariables(task.getProcessInstanceId()));
    }

    private String render(OpenTask task) {
        Context context = new Context(java.util.Locale.ENGLISH, Map.of("model", form.model(task)));
        String[] fragment = form.fragment().split("::");
        return templates.process(fragment[0].trim(), Set.of(fragment[1].trim()), context);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
