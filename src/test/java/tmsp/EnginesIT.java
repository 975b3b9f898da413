package tmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.camel.CamelContext;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tmsp.correlation.CorrelationRules;
import tmsp.support.IntegrationTest;

/** The three engine folders are loaded at start: processes/ by Camunda, camel-routes/ by Camel, rules/ by Drools. */
@IntegrationTest
class EnginesIT {

    @Autowired RepositoryService repository;
    @Autowired CamelContext camel;
    @Autowired CorrelationRules rules;
    @LocalServerPort int port;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void camundaDeployedTheProcessesFolder() {
        ProcessDefinition deletion = repository.createProcessDefinitionQuery()
                .processDefinitionKey("account-deletion").latestVersion().singleResult();
        assertThat(deletion).isNotNull();
        assertThat(deletion.getName()).isEqualTo("Delete a customer account");
        assertThat(deletion.getResourceName()).endsWith("account-deletion.bpmn");
    }

    @Test
    void camelServesTheApplianceHealthRouteOverRealHttp() throws Exception {
        assertThat(camel.getRoute("appliance-health")).isNotNull();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ok.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403, 405);
    }

    @Test
    void droolsCompiledTheRulesFolder() {
        assertThat(rules.ruleNames()).contains("Malware outbreak across hosts");
        assertThat(rules.current().kieBase().newKieSession()).satisfies(session -> {
            try {
                assertThat(session.getKieBase().getKiePackage("tmsp.rules.outbreak")).isNotNull();
            } finally {
                session.dispose();
            }
        });
    }

    @Test
    void crossModuleListenersRunOnTheConfiguredPool() {
        // @EnableAsync takes the executor named taskExecutor when there are several (Camunda's is another)
        assertThat(context.getBean("taskExecutor"))
                .isInstanceOfSatisfying(org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class,
                        pool -> assertThat(pool.getThreadNamePrefix()).isEqualTo("event-"));
    }
}
