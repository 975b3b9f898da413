package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.correlation.CorrelationEvents.CorrelationFinished;
import tmsp.incident.IncidentRecorder;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * The night's reports end to end: the nightly CorrelationFinished event starts report-distribution.bpmn (once per
 * account and night), its jobs make the reports and mail them through the notification module's Mailer to GreenMail,
 * a real SMTP server; with the server away, nothing is lost and the mail goes when it is back.
 */
@IntegrationTest
class ReportDistributionIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 7);
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 4);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RecipientSettings settings;
    @Autowired ReportDistribution distribution;

    TestAccounts.Created account;
    String jonas;

    @BeforeEach
    void aGermanAccountWithTwoRecipients() throws Exception {
        mailServerAt(SMTP.getSmtp().getPort());
        ReportFixtures fixtures = new ReportFixtures(mvc, json, jdbc, recorder);
        account = fixtures.account("Verteiler", "de");
        fixtures.recipients(account.id(), "chefin@verteiler.example", "Jonas Weber", "jonas@verteiler.example", "en");
        jonas = "contact-" + fixtures.contactId(account.id(), "jonas@verteiler.example");
        settings.add(account.id(), "contact-person");
        settings.add(account.id(), jonas);
        settings.choose(account.id(), jonas, EnumSet.of(ReportType.WEEKLY));
        fixtures.incident(account.id(), "c2-callback", "HIGH", SATURDAY.atTime(4, 0).toInstant(ZoneOffset.UTC),
                Set.of("pc-kasse-7"), Set.of("TROJ_ZEUS"));
    }

    void mailServerAt(int port) throws Exception {
        int status = mvc.perform(post("/admin/mail").param("host", "127.0.0.1").param("port", String.valueOf(port))
                        .param("security", "NONE").param("sender", "reports@tmsp.example")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("the mail server is saved").isEqualTo(302);
    }

    @Test
    void theNightAfterASaturdayMailsTheDailyAndWeeklyReportsWithTheirPdfsOnce() throws Exception {
        ProcessInstance night = correlationFinished(SATURDAY);
        runJobs(night);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(night.getId()).count()).as("ended").isZero();
        MimeMessage[] mails = SMTP.getReceivedMessages();
        List<String> seen = new ArrayList<>();
        for (MimeMessage mail : mails) {
            seen.add(mail.getAllRecipients()[0] + " " + mail.getSubject());
            String text = ReportFixtures.text(pdfOf(mail));
            assertThat(text).as("the account's report language").contains(account.name(), "Vorfälle nach Schweregrad");
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "chefin@verteiler.example " + account.name() + ": Täglicher Verwaltungsbericht (2026-11-07)",
                "chefin@verteiler.example " + account.name() + ": Wöchentlicher Managementbericht (2026-11-01 \u2013 2026-11-07)",
                "jonas@verteiler.example " + account.name() + ": Weekly Executive Report (2026-11-01 \u2013 2026-11-07)");

        // The same event again (a redelivered publication, a rerun night): no second process, no second mail.
        transactions.executeWithoutResult(s -> events.publishEvent(
                new CorrelationFinished(2, account.id(), SATURDAY, true, 10, 0, 1)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> instances(SATURDAY) == 1);
        assertThat(management.createJobQuery().processInstanceId(night.getId()).count()).isZero();
        // A send job run again after its mail went: skipped.
        distribution.send(account.id(), SATURDAY, "contact-person|DAILY");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRunSomeoneAskedForMakesNoReports() {
        transactions.executeWithoutResult(s -> events.publishEvent(
                new CorrelationFinished(3, account.id(), WEDNESDAY, false, 10, 1, 0)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> instances(WEDNESDAY) == 0);
    }

    @Test
    void withTheMailServerAwayNothingIsLostAndTheMailGoesWhenItIsBack() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        mailServerAt(closed);
        ProcessInstance night = correlationFinished(WEDNESDAY);
        runJobs(night);

        Job failed = management.createJobQuery().processInstanceId(night.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("chefin@verteiler.example");
        assertThat(failed.getDuedate()).isAfter(java.util.Date.from(Instant.now().plus(Duration.ofMinutes(4))));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from reports where account_id = ?", Long.class, account.id()))
                .as("the report is made and kept").isOne();

        mailServerAt(SMTP.getSmtp().getPort());
        management.executeJob(failed.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(night.getId()).count()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains("Täglicher Verwaltungsbericht", "2026-11-04");
        assertThat(runtime.createIncidentQuery().processInstanceId(night.getId()).count()).isZero();
    }

    ProcessInstance correlationFinished(LocalDate day) {
        transactions.executeWithoutResult(s -> events.publishEvent(
                new CorrelationFinished(1, account.id(), day, true, 10, 1, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> instances(day) == 1);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key(day)).singleResult();
    }

    long instances(LocalDate day) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
                .processInstanceBusinessKey(key(day)).count();
    }

    String key(LocalDate day) {
        return ReportProcess.businessKey(account.id(), day);
    }

    /** The job executor is off in tests: run the jobs that are due, as it would, until none is. */
    void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failedTry) {
                    // counted down by the engine, due again after the retry delay
                }
            }
        }
    }

    static byte[] pdfOf(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).endsWith(".pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment in " + mail.getSubject());
    }
}
