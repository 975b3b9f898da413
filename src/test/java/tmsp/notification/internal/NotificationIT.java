package tmsp.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.awaitility.Awaitility.await;
import static tmsp.notification.internal.NotificationTestSupport.awaitProcess;
import static tmsp.notification.internal.NotificationTestSupport.contact;
import static tmsp.notification.internal.NotificationTestSupport.outbreak;
import static tmsp.notification.internal.NotificationTestSupport.publishCommitted;
import static tmsp.notification.internal.NotificationTestSupport.runJob;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.ApplianceEvents.HeartbeatOverdue;
import tmsp.appliance.HeartbeatInterval;
import tmsp.correlation.CorrelationEvents.CorrelationFinished;
import tmsp.notification.Mailer.MailNotDelivered;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Notifications end to end against GreenMail: the settings and Configure Notifications pages, an event that
 * becomes a process whose job mails each subscribed recipient in their language, a mail server that is away
 * (nothing lost, nobody mailed twice), and the checks that notify once per crossing.
 */
@IntegrationTest
class NotificationIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final AtomicLong INCIDENT_IDS = new AtomicLong(System.currentTimeMillis());

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired SmtpServerSettings smtp;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired HeartbeatInterval heartbeat;
    @Autowired NotificationDelivery delivery;
    @Autowired IncidentVolumeCheck volume;
    @Autowired SubscriptionExpiryCheck expiry;

    private Duration heartbeatBefore;
    private TestAccounts.Created account;

    @BeforeEach
    void greenMailAndAnAccount() throws Exception {
        useGreenMail();
        heartbeatBefore = heartbeat.current();
        account = TestAccounts.create(mvc, json, jdbc, "Notify");
    }

    @AfterEach
    void settingsAsConfigured() {
        jdbc.update("delete from notification_settings");
        heartbeat.use(heartbeatBefore);
    }

    private void useGreenMail() {
        smtp.change(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSecurity.NONE, "tmsp@example.org",
                null, null), "notification-it");
    }

    private MockHttpServletRequestBuilder subscribe(long accountId, String... ticks) {
        MockHttpServletRequestBuilder request = post("/accounts/{id}/notifications", accountId)
                .with(user("admin").roles("ADMIN")).with(csrf());
        return ticks.length == 0 ? request : request.param("subscription", ticks);
    }

    @Test
    void anOutbreakIsMailedToEachSubscribedContactInTheirLanguageWithALinkToTheIncident() throws Exception {
        String german = contact(mvc, account.id(), "Jürgen Groß", "juergen@example.de", "de");
        String english = contact(mvc, account.id(), "Emma Stone", "emma@example.org", "en");
        String french = contact(mvc, account.id(), "Amélie Roux", "amelie@example.fr", "fr");
        contact(mvc, account.id(), "Not Subscribed", "nobody@example.org", "en");
        mvc.perform(subscribe(account.id(), "OUTBREAK:" + german, "OUTBREAK:" + english, "OUTBREAK:" + french,
                        "HEARTBEAT_MISSING:" + german))
                .andExpect(redirectedUrl("/accounts/" + account.id() + "/notifications"));
        long incident = INCIDENT_IDS.incrementAndGet();

        publishCommitted(transactions, events, outbreak(account.id(), incident));
        ProcessInstance process = awaitProcess(runtime, "outbreak:" + incident);
        assertThat(SMTP.getReceivedMessages()).as("the mail is the job's, not the listener's").isEmpty();
        runJob(management, process);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage toGerman = Arrays.stream(received)
                .filter(m -> recipientOf(m).equals("juergen@example.de"))
                .findFirst().orElseThrow();
        assertThat(toGerman.getSubject()).isEqualTo("[" + account.name() + "] Ausbruchseindämmung ausgelöst: "
                + "Malware outbreak: Emotet on 3 hosts");
        String body = String.valueOf(toGerman.getContent());
        assertThat(body).contains("Hallo Jürgen Groß", "Betroffene Hosts: pc-1, pc-2, pc-3",
                "href=\"http://localhost:8080/incidents/" + incident + "\"", "Im Threat Management Services Portal öffnen");
        // English, and English for a language the portal has no messages in
        assertThat(Arrays.stream(received).filter(m -> m != toGerman).map(NotificationIT::subjectOf))
                .hasSize(2).allSatisfy(subject -> assertThat(subject).isEqualTo("[" + account.name()
                        + "] Outbreak containment triggered: Malware outbreak: Emotet on 3 hosts"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).finished().count()).isOne();
        assertThat(jdbc.queryForList("select recipient from mail_deliveries where correlation_key = ? and delivered"
                + " and purpose = 'notification:OUTBREAK' order by recipient", String.class, "outbreak:" + incident))
                .containsExactly("amelie@example.fr", "emma@example.org", "juergen@example.de");

        // the same occurrence again (a listener resubmitted after a crash) starts nothing and mails nobody
        publishCommitted(transactions, events, outbreak(account.id(), incident));
        awaitListenersDone();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("outbreak:" + incident).count())
                .isOne();
    }

    @Test
    void anIncidentOfAnotherRuleAndAnEventNobodySubscribedToStartNothing() throws Exception {
        String key = contact(mvc, account.id(), "Emma", "emma@example.org", "en");
        mvc.perform(subscribe(account.id(), "HEARTBEAT_MISSING:" + key));
        long incident = INCIDENT_IDS.incrementAndGet();
        var other = outbreak(account.id(), incident);
        publishCommitted(transactions, events, new tmsp.incident.IncidentEvents.IncidentRaised(other.incidentId(),
                other.accountId(), "brute-force", other.key(), other.title(), other.severity(), other.attack(),
                other.hosts(), other.threatNames(), other.firstSeen(), other.lastSeen(), other.detectionCount()));
        publishCommitted(transactions, events, outbreak(account.id(), INCIDENT_IDS.incrementAndGet()));

        awaitListenersDone();
        publishCommitted(transactions, events, new HeartbeatOverdue(77, account.id(), "dc-01", Instant.parse("2026-12-01T10:00:00Z")));
        ProcessInstance process = awaitProcess(runtime, "heartbeat:77:2026-12-01T10:00:00Z");
        runJob(management, process);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[" + account.name() + "] No heartbeat from dc-01");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
                .variableValueEquals(NotificationProcess.ACCOUNT_ID, account.id()).count()).isOne();
    }

    @Test
    void aMailServerThatIsAwayLosesNothingAndNobodyIsMailedTwice() throws Exception {
        String key = contact(mvc, account.id(), "Emma", "emma@example.org", "en");
        mvc.perform(subscribe(account.id(), "OUTBREAK:" + key));
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        smtp.change(new SmtpSettings("127.0.0.1", nothingListens, SmtpSecurity.NONE, "tmsp@example.org", null, null),
                "notification-it");
        long incident = INCIDENT_IDS.incrementAndGet();
        publishCommitted(transactions, events, outbreak(account.id(), incident));
        ProcessInstance process = awaitProcess(runtime, "outbreak:" + incident);

        assertThatThrownBy(() -> runJob(management, process)).isInstanceOf(MailNotDelivered.class);
        Job failed = management.createJobQuery().processInstanceId(process.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).isAfter(java.util.Date.from(Instant.now()));
        assertThat(failed.getExceptionMessage()).contains("Connection refused");
        assertThat(jdbc.queryForObject("select count(*) from mail_deliveries where correlation_key = ? and not delivered",
                Long.class, "outbreak:" + incident)).isOne();

        useGreenMail(); // the server is back: the retry delivers
        runJob(management, process);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).finished().count()).isOne();

        // once more (a job run twice): the delivery log already has her, so nothing goes again
        assertThat(delivery.deliver("outbreak:" + incident, account.id(), NotificationEventType.OUTBREAK, "{}")).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void tooFewIncidentsNotifiesOncePerCrossing() throws Exception {
        String key = contact(mvc, account.id(), "Emma", "emma@example.org", "en");
        mvc.perform(subscribe(account.id(), "TOO_FEW_INCIDENTS:" + key, "TOO_MANY_INCIDENTS:" + key));
        mvc.perform(saveSettings("30, 15, 10, 5, 3, 1", "7", "5", "1", "5")).andExpect(status().is3xxRedirection());

        publishCommitted(transactions, events, new CorrelationFinished(1, account.id(), LocalDate.now(), true, 0, 0, 0));
        await().atMost(Duration.ofSeconds(30)).until(this::volumeProcesses, n -> n == 1);
        assertThat(volume.check(account.id())).isEqualTo("TOO_FEW_INCIDENTS");
        assertThat(volumeProcesses()).isOne();
        // checked again and again while it stays too few: no second notification
        assertThat(volume.check(account.id())).isEqualTo("TOO_FEW_INCIDENTS");
        assertThat(volumeProcesses()).isOne();

        // back to normal (the threshold lowered) and down again: a new crossing, a new notification
        mvc.perform(saveSettings("30", "7", "5", "0", "5"));
        assertThat(volume.check(account.id())).isEqualTo(IncidentVolumeCheck.NORMAL);
        mvc.perform(saveSettings("30", "7", "5", "1", "5"));
        assertThat(volume.check(account.id())).isEqualTo("TOO_FEW_INCIDENTS");
        assertThat(volumeProcesses()).isEqualTo(2);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every publication of an event about this account has completed (completed ones are deleted). */
    private void awaitListenersDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication"
                + " where serialized_event like ?", Long.class, "%\"accountId\":" + account.id() + ",%"), n -> n == 0);
    }

    private long volumeProcesses() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
                .processInstanceBusinessKeyLike("incident-volume:" + account.id() + ":TOO_FEW_INCIDENTS:%").count();
    }

    @Test
    void aSubscriptionEndingWarnsOncePerWarningDay() throws Exception {
        String key = contact(mvc, account.id(), "Emma", "emma@example.org", "en");
        mvc.perform(subscribe(account.id(), "SUBSCRIPTION_EXPIRING:" + key));
        LocalDate today = LocalDate.of(2026, 12, 1);
        LocalDate validTo = today.plusDays(12);
        jdbc.update("update accounts set valid_to = ? where id = ?", validTo, account.id()); // set-up only

        expiry.check(today.minusDays(20)); // 32 days left: no warning day reached
        assertThat(expiryWarnings()).isZero();
        expiry.check(today); // 12 days left: the 15-day warning
        expiry.check(today.plusDays(1)); // 11 left: still the 15-day one
        assertThat(expiryWarnings()).isOne();
        expiry.check(today.plusDays(2)); // 10 left
        expiry.check(today.plusDays(9)); // 3 left (the 5-day check was missed): one warning, the 3-day one
        expiry.check(today.plusDays(9));
        assertThat(expiryWarnings()).isEqualTo(3);
        ProcessInstance last = awaitProcess(runtime, "subscription-expiry:" + account.id() + ":" + validTo + "/3");
        runJob(management, last);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[" + account.name() + "] Service subscription ends in 3 days");
        assertThat(String.valueOf(SMTP.getReceivedMessages()[0].getContent())).contains(validTo.toString(),
                "http://localhost:8080/accounts/" + account.id());
    }

    @Test
    void aProductsSubscriptionEndingWarnsOncePerWarningDayNamingTheProduct() throws Exception {
        String key = contact(mvc, account.id(), "Paul", "paul@example.org", "de");
        mvc.perform(subscribe(account.id(), "PRODUCT_SUBSCRIPTION_EXPIRING:" + key));
        LocalDate today = LocalDate.of(2026, 12, 1);
        LocalDate validTo = today.plusDays(5);
        long product = product(account.id(), "ddi-expiring.example", validTo);
        product(account.id(), "ddi-renewed.example", today.plusDays(200));

        expiry.check(today);
        expiry.check(today);
        expiry.check(today.plusDays(1)); // 4 left: still the 5-day warning

        assertThat(productWarnings()).isOne();
        ProcessInstance warning = awaitProcess(runtime,
                "product-subscription-expiry:" + product + ":" + account.id() + ":" + validTo + "/5");
        runJob(management, warning);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[" + account.name() + "] Abonnement von ddi-expiring.example endet in 5 Tagen");
        assertThat(String.valueOf(mail.getContent())).contains(validTo.toString());

        jdbc.update("update products set subscription_expires = ? where id = ?", today.plusDays(400), product);
        expiry.check(today.plusDays(2));
        assertThat(productWarnings()).as("a renewed subscription warns no more").isOne();
    }

    @Test
    void aThreatSampleIsAnnouncedOnceInTheRecipientsLanguageWithALinkToTheCase() throws Exception {
        String key = contact(mvc, account.id(), "Paul", "paul@example.org", "de");
        mvc.perform(subscribe(account.id(), "THREAT_SAMPLE_READY:" + key));
        long caseId = INCIDENT_IDS.incrementAndGet();
        var ready = new tmsp.mitigation.ThreatSampleReady(caseId, account.id(), "tms-01", "pc-7 (10.0.0.7)");

        publishCommitted(transactions, events, ready);
        ProcessInstance process = awaitProcess(runtime, "threat-sample:" + caseId);
        publishCommitted(transactions, events, ready);
        awaitListenersDone();
        runJob(management, process);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[" + account.name() + "] Bedrohungsprobe bereit: pc-7 (10.0.0.7)");
        assertThat(String.valueOf(mail.getContent())).contains("tms-01", "Fall #" + caseId,
                "http://localhost:8080/mitigation/cases/" + caseId);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("threat-sample:" + caseId)
                .count()).isOne();
    }

    /** A registered product that reported the end of its subscription (set-up only: the API test covers the heartbeat). */
    private long product(long accountId, String hostname, LocalDate subscriptionExpires) {
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at, enabled, token_hash,"
                + " token_issued_at, heartbeat_overdue, subscription_expires) values (?, 'DISCOVERY', ?, ?, now(), true,"
                + " ?, now(), false, ?)", accountId, hostname, java.util.UUID.randomUUID().toString().toUpperCase(),
                "hash-" + hostname, subscriptionExpires);
        return jdbc.queryForObject("select id from products where hostname = ?", Long.class, hostname);
    }

    private long productWarnings() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
                .processInstanceBusinessKeyLike("product-subscription-expiry:%:" + account.id() + ":%").count();
    }

    private long expiryWarnings() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
                .processInstanceBusinessKeyLike("subscription-expiry:" + account.id() + ":%").count();
    }

    private MockHttpServletRequestBuilder saveSettings(String days, String window, String tooMany, String tooFew,
                                                       String heartbeatMinutes) {
        return post("/admin/notifications").with(user("notify-admin").roles("ADMIN")).with(csrf())
                .param("expiryWarningDays", days).param("incidentWindowDays", window)
                .param("tooManyIncidents", tooMany).param("tooFewIncidents", tooFew)
                .param("heartbeatIntervalMinutes", heartbeatMinutes);
    }

    @Test
    void theSettingsAreValidatedStoredLoggedAndDriveTheHeartbeatInterval() throws Exception {
        mvc.perform(get("/admin/notifications").with(user("notify-admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(model().attribute("fromConfiguration", true));
        mvc.perform(saveSettings("30, x", "0", "-1", "5", "0")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("settings", "expiryWarningDays", "incidentWindowDays",
                        "tooManyIncidents", "heartbeatIntervalMinutes"));
        mvc.perform(saveSettings("400, 3", "7", "5", "6", "10")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("settings", "expiryWarningDays", "tooFewIncidents"));
        assertThat(jdbc.queryForObject("select count(*) from notification_settings", Long.class)).isZero();
        assertThat(heartbeat.current()).isEqualTo(heartbeatBefore);

        mvc.perform(saveSettings(" 1,30, 7 ,30", "14", "100", "2", "10"))
                .andExpect(redirectedUrl("/admin/notifications"))
                .andExpect(flash().attribute("success", "notification.settings.saved"));
        assertThat(jdbc.queryForObject("select expiry_warning_days from notification_settings", String.class))
                .isEqualTo("30,7,1");
        assertThat(heartbeat.current()).isEqualTo(Duration.ofMinutes(10));
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'NOTIFICATION_SETTINGS_CHANGED'"
                + " and actor = 'notify-admin' order by id desc limit 1", String.class))
                .contains("[30, 7, 1]", "too many > 100", "too few < 2", "over 14 days", "every 10 min");
        String page = mvc.perform(get("/admin/notifications").with(user("notify-admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"30, 7, 1\"", "notify-admin");

        for (String role : new String[] {"ANALYST", "CUSTOMER"}) {
            mvc.perform(get("/admin/notifications").with(user("someone").roles(role))).andExpect(status().isForbidden());
            mvc.perform(saveSettings("1", "1", "1", "1", "1").with(user("someone").roles(role)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void configureNotificationsStoresTicksByRecipientForAdministratorsOnly() throws Exception {
        String emma = contact(mvc, account.id(), "Emma", "emma@example.org", "en");
        String page = mvc.perform(get("/accounts/{id}/notifications", account.id()).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sub-OUTBREAK-" + emma + "\"", "Outbreak containment triggered", "emma@example.org");

        mvc.perform(subscribe(account.id(), "OUTBREAK:" + emma, "TOO_MANY_INCIDENTS:" + emma, "OUTBREAK:contact-999999999"))
                .andExpect(flash().attribute("success", "notification.subscriptions.saved"));
        assertThat(jdbc.queryForList("select event_type || ' ' || recipient_key from notification_subscriptions"
                + " where account_id = ? order by 1", String.class, account.id()))
                .containsExactly("OUTBREAK " + emma, "TOO_MANY_INCIDENTS " + emma);
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'NOTIFICATIONS_CONFIGURED'"
                + " order by id desc limit 1", String.class)).contains("OUTBREAK to " + emma);
        assertThat(mvc.perform(get("/accounts/{id}/notifications", account.id()).with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString()).containsPattern("id=\"sub-OUTBREAK-" + emma + "\"[^>]*checked");

        mvc.perform(subscribe(account.id(), "NO_SUCH_EVENT:" + emma)).andExpect(status().isBadRequest());
        mvc.perform(subscribe(account.id())).andExpect(status().is3xxRedirection()); // nothing ticked: nobody
        assertThat(jdbc.queryForObject("select count(*) from notification_subscriptions where account_id = ?",
                Long.class, account.id())).isZero();

        for (String role : new String[] {"ANALYST", "CUSTOMER"}) {
            mvc.perform(get("/accounts/{id}/notifications", account.id()).with(user("someone").roles(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(subscribe(account.id(), "OUTBREAK:" + emma).with(user("someone").roles(role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/accounts/{id}/notifications", 999_999_999L).with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound());
    }
}
