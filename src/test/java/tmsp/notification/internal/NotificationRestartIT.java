package tmsp.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.TmspApplication;
import tmsp.support.FreeSyslogPort;
import tmsp.support.IntegrationTest;
import tmsp.support.PostgresTestDatabase;

/**
 * The crash test of the event publication registry: the portal's listener fails (as if the portal died before it
 * finished), the portal is shut down and started again on the same database, the incomplete publication is
 * resubmitted at start-up and the mail goes. Two portals of their own, one after the other, beside the shared one.
 */
class NotificationRestartIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final AtomicInteger FAILED_RAISES = new AtomicInteger();

    /** Stands in for NotificationOccurrences in the first portal: the listener throws, as a crash would leave it. */
    static class CrashingOccurrences extends NotificationOccurrences {
        CrashingOccurrences(RuntimeService runtime, HistoryService history, NotificationSubscriptions subscriptions,
                            ObjectMapper json) {
            super(runtime, history, subscriptions, json);
        }

        @Override
        boolean raise(long accountId, NotificationEventType type, String occurrenceKey, Map<String, String> details) {
            FAILED_RAISES.incrementAndGet();
            throw new IllegalStateException("the portal went down before the notification was started");
        }
    }

    @Test
    void anEventWhoseListenerFailedIsResubmittedAtTheNextStartAndTheMailGoes() throws Exception {
        long incident = System.currentTimeMillis();
        long accountId;
        try (ConfigurableApplicationContext first = portal(true)) {
            accountId = createAccountWithSubscribedContact(first);
            first.getBean(SmtpServerSettings.class).change(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(),
                    SmtpSecurity.NONE, "tmsp@example.org", null, null), "restart-it");
            first.getBean(TransactionTemplate.class).executeWithoutResult(s -> first
                    .publishEvent(NotificationTestSupport.outbreak(accountId, incident)));
            await().atMost(Duration.ofSeconds(30)).until(FAILED_RAISES::get, n -> n >= 1);
            assertThat(incompletePublications(first, incident)).isOne();
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        try (ConfigurableApplicationContext second = portal(false)) {
            ProcessInstance process = NotificationTestSupport.awaitProcess(second.getBean(RuntimeService.class),
                    "outbreak:" + incident);
            NotificationTestSupport.runJob(second.getBean(ManagementService.class), process);
            assertThat(SMTP.getReceivedMessages()).hasSize(1);
            assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("restart@example.org");
            await().atMost(Duration.ofSeconds(30)).until(() -> incompletePublications(second, incident), n -> n == 0);
        }
        assertThat(FAILED_RAISES.get()).isOne();
    }

    private static long incompletePublications(ConfigurableApplicationContext context, long incident) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from event_publication where"
                + " completion_date is null and serialized_event like ?", Long.class, "%\"incidentId\":" + incident + ",%");
    }

    /** A portal on the integration tests' database, with {@code crashing} its notification listener fails. */
    private static ConfigurableApplicationContext portal(boolean crashing) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TmspApplication.class)
                .profiles("postgres")
                .initializers(new PostgresTestDatabase());
        if (crashing) {
            builder.initializers(context -> context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) factory -> {
                BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
                registry.removeBeanDefinition("notificationOccurrences");
                RootBeanDefinition crashingOne = new RootBeanDefinition(CrashingOccurrences.class);
                crashingOne.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                registry.registerBeanDefinition("notificationOccurrences", crashingOne);
            }));
        }
        // arguments, not default properties: those would lose to application.yml
        return builder.run("--server.port=0", "--tmsp.demo-data=false", "--tmsp.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.enabled=false", "--tmsp.heartbeat.check-every=1h", "--tmsp.mqtt.enabled=false",
                "--tmsp.syslog.enabled=false", "--tmsp.syslog.port=" + FreeSyslogPort.find(), "--spring.jmx.enabled=false");
    }

    /** An account through the portal's API, a contact, and the contact subscribed to outbreaks. */
    private static long createAccountWithSubscribedContact(ConfigurableApplicationContext portal) throws Exception {
        JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
        ObjectMapper json = portal.getBean(ObjectMapper.class);
        String key = "restart" + UUID.randomUUID().toString().substring(0, 8);
        var body = json.createObjectNode().put("name", "Restart " + key).put("companyName", "Restart Inc.")
                .put("contactFirstName", "Test").put("contactLastName", "Contact")
                .put("registrationUser", key + "-reg").put("registrationPassword", "registration-password-1")
                .put("portalUser", key).put("portalPassword", "registration-password-1")
                .put("managedById", jdbc.queryForObject("select id from users where username = 'admin'", Long.class))
                .put("validFrom", "2026-01-01").put("reportLanguage", "en");
        body.putArray("serviceIds").add(jdbc.queryForObject("select id from services where code = 'THREAT_DISCOVERY'", Long.class));
        int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
        JsonNode account = json.readTree(postJson(port, "/api/v1/accounts", body.toString()));
        long accountId = account.path("id").asLong();
        postJson(port, "/api/v1/accounts/" + accountId + "/contacts",
                "{\"name\":\"Rita Restart\",\"email\":\"restart@example.org\",\"language\":\"en\"}");
        String contactKey = portal.getBean(tmsp.account.AccountRecipients.class).of(accountId).stream()
                .filter(r -> r.email().equals("restart@example.org")).findFirst().orElseThrow().key();
        portal.getBean(NotificationSubscriptions.class).replace(accountId,
                Set.of(new NotificationSubscriptions.Subscription(NotificationEventType.OUTBREAK, contactKey)), "restart-it");
        return accountId;
    }

    private static String postJson(int port, String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(201);
        return answer.body();
    }
}
