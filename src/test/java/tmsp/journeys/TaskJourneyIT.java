package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;

/**
 * In a real headless Chromium: an administrator finds a task of its group in the menu, claims it, completes it
 * through the module's form, and then opens Camunda Cockpit through the portal's login, with no second password.
 */
@IntegrationTest
class TaskJourneyIT {

    /** Where Cockpit's script routes a signed-in user; after the login, with the portal's "continue" marker. */
    static final String COCKPIT_DASHBOARD = "/camunda/app/cockpit/default/(\\?continue)?#/dashboard.*";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    @Test
    void anAdministratorCompletesAGroupTaskInTheBrowser() {
        repository.createDeployment().name("task-list-test").enableDuplicateFiltering(false)
                .addClasspathResource("processes-test/task-list-test.bpmn").deploy();
        String key = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String instance = runtime.startProcessInstanceByKey("task-list-test", key, Map.of("request", "Journey " + key)).getId();
        String id = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            assertThat(browser.text(By.cssSelector("a[href='/tasks'] .menu-badge"))).matches("\\d+");
            browser.clickAndLoad(By.cssSelector("a[href='/tasks']"));
            browser.clickAndLoad(By.id("view-GROUPS"));
            assertThat(browser.text(By.id("task-" + id))).contains("Approve the test request", "Task list test", key);
            browser.clickAndLoad(By.id("claim-" + id));

            browser.waitForPath("/tasks\\?view=MINE");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("You claimed");
            assertThat(browser.text(By.id("task-" + id))).contains("admin");
            browser.clickAndLoad(By.cssSelector("#task-" + id + " a"));

            browser.waitForPath("/tasks/" + id);
            assertThat(browser.text(By.id("test-request"))).isEqualTo("Journey " + key);
            browser.clickAndLoad(By.id("complete-task"));
            assertThat(browser.text(By.id("decision-feedback"))).isEqualTo("Please fill this in.");
            new Select(browser.waitFor(By.name("decision"))).selectByValue("approve");
            browser.clickAndLoad(By.id("complete-task"));

            browser.waitForPath("/tasks");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("completed");
            assertThat(browser.isPresent(By.id("task-" + id))).isFalse();
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("decision")
                .singleResult().getValue()).isEqualTo("approve");
    }

    @Test
    void anAdministratorOpensCockpitThroughThePortalLogin() {
        try (Browser browser = Browser.open(port)) {
            browser.get("/camunda/app/cockpit/default/");
            browser.waitForPath("/login");
            browser.type("username", "admin");
            browser.type("password", IntegrationTest.ADMIN_PASSWORD);
            browser.clickAndLoad(By.cssSelector("form[action$='/login'] button[type=submit]"));
            // Cockpit's own script routes a signed-in user to its dashboard, an anonymous one to its login form
            browser.waitForPath(COCKPIT_DASHBOARD);
            assertThat(browser.isPresent(By.cssSelector("input[type=password]"))).as("no second password").isFalse();

            browser.get("/tasks");
            browser.clickAndLoad(By.cssSelector("a[href='/camunda/app/cockpit/default/']"));
            browser.waitForPath(COCKPIT_DASHBOARD);
        }
    }
}
