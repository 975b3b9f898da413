package tmsp.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.notification.Mailer;
import tmsp.notification.Mailer.Attachment;
import tmsp.notification.Mailer.MailNotDelivered;
import tmsp.notification.Mailer.OutgoingMail;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The Mailer against a real SMTP server (GreenMail) and against none, and the delivery log it writes. */
@IntegrationTest
class MailerIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired Mailer mailer;
    @Autowired SmtpServerSettings settings;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private TestAccounts.Created account;

    @BeforeEach
    void serverIsGreenMail() throws Exception {
        settings.change(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSecurity.NONE,
                "tmsp@example.org", null, null), "mailer-it");
        account = TestAccounts.create(mvc, json, jdbc, "Mailer");
    }

    @Test
    void anHtmlMailWithAPdfArrivesIntactWithItsUtf8SubjectAndIsLogged() throws Exception {
        byte[] pdf = new byte[64 * 1024];
        new Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        String subject = "Täglicher Bericht – Größe €";

        String answer = mailer.send(new OutgoingMail(account.id(), "DAILY_REPORT", "soc@example.org", subject,
                "<p>Guten Tag, <b>Müller</b></p>", List.of(new Attachment("bericht-2026-11-30.pdf", "application/pdf", pdf))));

        assertThat(answer).startsWith("250");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo(subject);
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("tmsp@example.org");
        Multipart parts = (Multipart) received[0].getContent();
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        BodyPart attachment = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachment = part;
            } else {
                html = htmlOf(part);
            }
        }
        assertThat(html).contains("<b>Müller</b>");
        assertThat(attachment).isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("bericht-2026-11-30.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(bytes(attachment.getInputStream())).isEqualTo(pdf);

        Map<String, Object> logged = jdbc.queryForMap("select * from mail_deliveries where account_id = ?", account.id());
        assertThat(logged).containsEntry("purpose", "DAILY_REPORT").containsEntry("recipient", "soc@example.org")
                .containsEntry("subject", subject).containsEntry("delivered", true);
        assertThat((String) logged.get("answer")).startsWith("250");
    }

    @Test
    void aServerThatIsAwayThrowsMailNotDeliveredAfterLoggingTheFailedAttempt() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        settings.change(new SmtpSettings("127.0.0.1", nothingListens, SmtpSecurity.NONE, "tmsp@example.org", null, null),
                "mailer-it");
        OutgoingMail mail = new OutgoingMail(account.id(), "DAILY_REPORT", "soc@example.org", "Report", "<p>r</p>", null);

        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailNotDelivered.class)
                .satisfies(e -> assertThat(((MailNotDelivered) e).answer()).contains("Connection refused"));

        Map<String, Object> logged = jdbc.queryForMap("select * from mail_deliveries where account_id = ?", account.id());
        assertThat(logged).containsEntry("delivered", false);
        assertThat((String) logged.get("answer")).contains("Connection refused", String.valueOf(nothingListens));
    }

    @Test
    void aStoppedServerFailsTheSameAndTheLogKeepsBothAttempts() {
        OutgoingMail mail = new OutgoingMail(account.id(), "OUTBREAK", "soc@example.org", "Outbreak", "<p>o</p>", null);
        mailer.send(mail);
        SMTP.stop();
        try {
            assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailNotDelivered.class);
        } finally {
            SMTP.start();
        }
        assertThat(jdbc.queryForList("select delivered from mail_deliveries where account_id = ? order by id",
                Boolean.class, account.id())).containsExactly(true, false);
    }

    @Test
    void aBadRecipientIsAFailedAttemptNotAnError() {
        OutgoingMail mail = new OutgoingMail(account.id(), "OUTBREAK", "not an address\r\nBcc: x@y", "S", "<p>o</p>", null);
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailNotDelivered.class);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from mail_deliveries where account_id = ? and not delivered",
                Long.class, account.id())).isOne();
    }

    @Test
    void theAccountPageShowsTheLatestDeliveriesAndTheFullLogPagesForItsCustomerOnly() throws Exception {
        for (int i = 0; i < 55; i++) {
            mailer.send(new OutgoingMail(account.id(), "OUTBREAK", "soc" + i + "@example.org", "Mail " + i, "<p/>", null));
        }
        String page = mvc.perform(get("/accounts/{id}", account.id()).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"deliveries-card\"", "soc54@example.org", "/accounts/" + account.id() + "/deliveries")
                .doesNotContain("soc49@example.org");

        String first = mvc.perform(get("/accounts/{id}/deliveries", account.id()).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("soc54@example.org", "soc5@example.org").doesNotContain("soc4@example.org");
        String second = mvc.perform(get("/accounts/{id}/deliveries", account.id()).param("page", "1")
                .with(user("analyst").roles("ANALYST"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("soc4@example.org", "soc0@example.org").doesNotContain("soc54@example.org");

        mvc.perform(get("/accounts/{id}/deliveries", 999_999_999L).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isNotFound());
    }

    private static String htmlOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart nested) {
            for (int i = 0; i < nested.getCount(); i++) {
                String html = htmlOf(nested.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
            return null;
        }
        return part.isMimeType("text/html") ? String.valueOf(content) : null;
    }

    private static byte[] bytes(InputStream in) throws Exception {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
