package tmsp.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tmsp.support.IntegrationTest;

/** Administration › Mail server against a real SMTP server (GreenMail), and against none. */
@IntegrationTest
class MailServerIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "relay-secret"));

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecretBox box;
    @Autowired SmtpPasswordSealing sealing;

    private final UserRequestPostProcessor admin = user("mail-admin").roles("ADMIN");

    @BeforeEach
    void noServerSavedYet() {
        jdbc.update("delete from smtp_servers");
    }

    private MockHttpServletRequestBuilder save(String host, int port, String security, String username, String password) {
        return post("/admin/mail").with(admin).with(csrf()).param("host", host).param("port", String.valueOf(port))
                .param("security", security).param("sender", "tmsp@example.org")
                .param("username", username).param("password", password);
    }

    private MockHttpServletRequestBuilder sendTestMailTo(String recipient) {
        return post("/admin/mail/test").with(admin).with(csrf()).param("recipient", recipient);
    }

    @Test
    void theTestMailGoesThroughTheSavedServerWithItsLogonAndShowsTheServersAnswer() throws Exception {
        mvc.perform(get("/admin/mail").with(admin)).andExpect(status().isOk())
                .andExpect(model().attribute("fromConfiguration", true));
        mvc.perform(save("127.0.0.1", SMTP.getSmtp().getPort(), "NONE", "relay", "relay-secret"))
                .andExpect(redirectedUrl("/admin/mail")).andExpect(flash().attribute("success", "mail.saved"));

        String recipient = "soc-" + UUID.randomUUID() + "@example.org";
        mvc.perform(sendTestMailTo(recipient))
                .andExpect(redirectedUrl("/admin/mail"))
                .andExpect(flash().attribute("success", "mail.test.delivered"))
                .andExpect(flash().attribute("flashArg", containsString("250")));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("TMSP test mail");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("tmsp@example.org");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(recipient);
        assertThat(String.valueOf(received[0].getContent())).contains("mail-admin", "127.0.0.1:" + SMTP.getSmtp().getPort());
        assertThat(jdbc.queryForList("select action from audit_events where actor = 'mail-admin' order by id desc limit 2",
                String.class)).containsExactly("TEST_MAIL_SENT", "SMTP_SERVER_CHANGED");
    }

    @Test
    void aWrongPasswordIsTheServersAnswerNotAFailureOfThePortal() throws Exception {
        mvc.perform(save("127.0.0.1", SMTP.getSmtp().getPort(), "NONE", "relay", "wrong-secret"));
        mvc.perform(sendTestMailTo("soc@example.org"))
                .andExpect(flash().attribute("error", "mail.test.failed"))
                .andExpect(flash().attribute("flashArg", containsString("535")));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsAwayIsReportedWithTheReason() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        mvc.perform(save("127.0.0.1", nothingListens, "NONE", "", ""));
        mvc.perform(sendTestMailTo("soc@example.org"))
                .andExpect(redirectedUrl("/admin/mail"))
                .andExpect(flash().attribute("error", "mail.test.failed"))
                .andExpect(flash().attribute("flashArg", containsString("Connection refused")));
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'TEST_MAIL_SENT' "
                + "order by id desc limit 1", String.class)).startsWith("failed: ").contains(String.valueOf(nothingListens));
    }

    @Test
    void aBlankPasswordKeepsTheStoredOneWhichIsNeverShownAndNoUserNameDropsIt() throws Exception {
        mvc.perform(save("mail.example.org", 587, "STARTTLS", "relay", "the stored secret "));
        mvc.perform(save("mail.example.org", 587, "STARTTLS", "relay", ""));
        String stored = jdbc.queryForObject("select password from smtp_servers", String.class);
        assertThat(stored).as("sealed at rest").startsWith(SecretBox.PREFIX).doesNotContain("stored secret");
        assertThat(box.open(stored)).isEqualTo("the stored secret ");
        String page = mvc.perform(get("/admin/mail").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("mail.example.org", "A password is stored").doesNotContain("the stored secret");

        mvc.perform(save("mail.example.org", 25, "NONE", "", "ignored"));
        assertThat(jdbc.queryForObject("select password from smtp_servers", String.class)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'SMTP_SERVER_CHANGED' "
                + "and details like '%password changed%' and actor = 'mail-admin'", Long.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badSettingsAndABadRecipientAreShownAtTheirFieldsAndNothingIsStoredOrSent() throws Exception {
        mvc.perform(post("/admin/mail").with(admin).with(csrf()).param("host", "").param("port", "70000")
                        .param("security", "NONE").param("sender", "not an address"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("server", "host", "port", "sender"));
        mvc.perform(post("/admin/mail").with(admin).with(csrf()).param("host", "evil.example.org\r\nRCPT TO:<x@y>")
                        .param("port", "25").param("security", "NONE").param("sender", "tmsp@example.org"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("server", "host"));
        mvc.perform(post("/admin/mail").with(admin).with(csrf()).param("host", "mail.example.org").param("port", "25")
                        .param("security", "SOMETIMES").param("sender", "tmsp@example.org"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("server", "security"));
        assertThat(jdbc.queryForObject("select count(*) from smtp_servers", Long.class)).isZero();

        mvc.perform(sendTestMailTo("not-an-address\r\nBcc: everyone@example.org"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("test", "recipient"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void theTestMailSpeaksTheAdministratorsLanguage() throws Exception {
        mvc.perform(save("127.0.0.1", SMTP.getSmtp().getPort(), "NONE", "relay", "relay-secret"));
        // the language the administrator chose in the portal (its cookie), not the browser's
        mvc.perform(sendTestMailTo("soc@example.org").cookie(new Cookie("tmsp-lang", "de")))
                .andExpect(flash().attribute("success", "mail.test.delivered"));
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("TMSP-Testmail");
    }

    @Test
    void onlyAdministratorsReachTheMailServerAndEveryFormNeedsItsToken() throws Exception {
        for (String role : new String[] {"ANALYST", "CUSTOMER"}) {
            mvc.perform(get("/admin/mail").with(user("someone").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/mail/test").with(user("someone").roles(role)).with(csrf())
                    .param("recipient", "soc@example.org")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/mail")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/admin/mail/test").with(admin).param("recipient", "soc@example.org"))
                .andExpect(status().isForbidden());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPasswordStoredInTheClearBeforeSealingIsSealedAtStartAndStillLogsOn() throws Exception {
        mvc.perform(save("127.0.0.1", SMTP.getSmtp().getPort(), "NONE", "relay", "relay-secret"));
        jdbc.update("update smtp_servers set password = 'relay-secret'");

        sealing.sealStoredPassword();

        String stored = jdbc.queryForObject("select password from smtp_servers", String.class);
        assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain("relay-secret");
        mvc.perform(sendTestMailTo("ops@example.org")).andExpect(flash().attribute("success", "mail.test.delivered"));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }
}
