package tmsp.notification.internal;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.support.IntegrationTest;

/** What the notification tests do again and again: contacts, an event that commits, the process's job. */
final class NotificationTestSupport {

    private NotificationTestSupport() {
    }

    /** Adds a contact through the account API; returns its recipient key. */
    static String contact(MockMvc mvc, long accountId, String name, String email, String language) throws Exception {
        String location = mvc.perform(post("/api/v1/accounts/{id}/contacts", accountId)
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"language\":\"" + language + "\"}"))
                .andReturn().getResponse().getHeader("Location");
        if (location == null) {
            throw new IllegalStateException("The contact was not created");
        }
        return "contact-" + location.substring(location.lastIndexOf('/') + 1);
    }

    static IncidentRaised outbreak(long accountId, long incidentId) {
        Instant now = Instant.now();
        return new IncidentRaised(incidentId, accountId, NotificationSources.OUTBREAK_RULE, "key-" + incidentId,
                "Malware outbreak: Emotet on 3 hosts", "CRITICAL", List.of("T1204"), List.of("pc-1", "pc-2", "pc-3"),
                List.of("Emotet"), now.minusSeconds(600), now, 9);
    }

    /** Publishes in a transaction that commits, as the module that owns the event does. */
    static void publishCommitted(TransactionTemplate transactions, ApplicationEventPublisher events, Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** The occurrence's process, once the listener (after commit, on its own thread) has started it. */
    static ProcessInstance awaitProcess(RuntimeService runtime, String occurrenceKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(NotificationProcess.KEY).processInstanceBusinessKey(occurrenceKey)
                .singleResult(), p -> p != null);
    }

    /** Runs the sending job now, as the job executor would (it is off in tests). */
    static void runJob(ManagementService management, ProcessInstance process) {
        management.executeJob(management.createJobQuery().processInstanceId(process.getId()).singleResult().getId());
    }
}
