package tmsp.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.IntegrationTest;
import tmsp.support.PortalSession;
import tmsp.support.TestAccounts;

/**
 * Cockpit, Tasklist, Admin and the engine's REST API over real HTTP (they are servlets and filters beside Spring
 * MVC, out of MockMvc's reach): administrators only, signed in through the portal's login.
 */
@IntegrationTest
class CamundaAppsIT {

    static final String COCKPIT = "/camunda/app/cockpit/default/";
    static final String ANALYST_PASSWORD = "analyst-password-for-tests";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;

    @Test
    void anonymousCallersAreSentToThePortalsLoginOrRefused() throws Exception {
        PortalSession anonymous = PortalSession.anonymous(port);
        HttpResponse<String> cockpit = anonymous.get(COCKPIT);
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(anonymous.get("/engine-rest/engine").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-definition/count").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(401);
        // no HTTP Basic way around the portal's login, not even with an administrator's password
        HttpResponse<String> basic = PortalSession.anonymous(port).getWithBasic("/engine-rest/engine", "admin",
                IntegrationTest.ADMIN_PASSWORD);
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void customersAndAnalystsAreRefused() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Camunda apps");
        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/users/new").with(user(users.loadUserByUsername("admin"))).with(csrf())
                        .param("username", analyst).param("password", ANALYST_PASSWORD).param("roles", "ANALYST"))
                .andExpect(redirectedUrl("/admin/users"));

        for (PortalSession session : new PortalSession[] {
                PortalSession.signedIn(port, account.portalUser(), TestAccounts.PASSWORD),
                PortalSession.signedIn(port, analyst, ANALYST_PASSWORD)}) {
            assertThat(session.get(COCKPIT).statusCode()).isEqualTo(403);
            assertThat(session.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
            assertThat(session.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(403);
            assertThat(session.get("/engine-rest/engine").statusCode()).isEqualTo(403);
            assertThat(session.get("/engine-rest/process-definition/count").statusCode()).isEqualTo(403);
            assertThat(session.get("/tasks").statusCode()).as("the portal itself still works").isEqualTo(200);
        }
    }

    @Test
    void anAdministratorUsesTheAppsAndTheRestApiWithThePortalSession() throws Exception {
        assertThat(identity.isReadOnly()).as("Camunda keeps no users of its own (NoCamundaUsers)").isTrue();
        PortalSession admin = PortalSession.signedIn(port, "admin", IntegrationTest.ADMIN_PASSWORD);

        for (String app : new String[] {COCKPIT, "/camunda/app/tasklist/default/", "/camunda/app/admin/default/"}) {
            HttpResponse<String> page = admin.get(app);
            assertThat(page.statusCode()).as(app + " " + page.headers().map()).isEqualTo(200);
            assertThat(page.body()).as(app).contains("<base href=\"/camunda/");
            assertThat(page.headers().allValues("Content-Security-Policy")).as("only Camunda's own policy").hasSize(1);
        }
        HttpResponse<String> user = admin.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(json.readTree(user.body()).path("userId").asText()).isEqualTo("admin");
        assertThat(json.readTree(user.body()).path("authorizedApps").toString()).contains("cockpit", "tasklist", "admin");
        assertThat(admin.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(200);

        HttpResponse<String> engines = admin.get("/engine-rest/engine");
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\":\"default\"");
        HttpResponse<String> count = admin.get("/engine-rest/process-definition/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(json.readTree(count.body()).path("count").asLong()).as("the portal's engine, on its database")
                .isEqualTo(engine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
        assertThat(ProcessEngines.getProcessEngines().values()).as("no engine built from a camunda.cfg.xml")
                .allSatisfy(e -> assertThat(e.getProcessEngineConfiguration()).isInstanceOf(SpringProcessEngineConfiguration.class));
        // the session is the credential: a change without the portal's CSRF token is refused
        assertThat(admin.post("/engine-rest/process-definition/key/task-list-test/start", "application/json", "{}")
                .statusCode()).isEqualTo(403);
    }
}
