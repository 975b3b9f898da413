package tmsp.report.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentRecorder;
import tmsp.support.TestAccounts;

/** Accounts with incidents and products for the report tests, made through the modules' APIs. */
final class ReportFixtures {

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final IncidentRecorder recorder;

    ReportFixtures(MockMvc mvc, ObjectMapper json, JdbcTemplate jdbc, IncidentRecorder recorder) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /** A new account whose reports are written in {@code language}. */
    TestAccounts.Created account(String prefix, String language) throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, prefix);
        jdbc.update("update accounts set report_language = ? where id = ?", language, account.id());
        return account;
    }

    /** Gives the contact person an e-mail address (so they are a recipient) and adds a contact through the account page. */
    void recipients(long accountId, String contactPersonEmail, String contactName, String contactEmail,
                    String contactLanguage) throws Exception {
        jdbc.update("update accounts set contact_email = ? where id = ?", contactPersonEmail, accountId);
        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/accounts/" + accountId + "/contacts").param("name", contactName).param("email", contactEmail)
                        .param("language", contactLanguage)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getStatus();
        if (status != 302) {
            throw new IllegalStateException("adding the contact answered " + status);
        }
    }

    long contactId(long accountId, String email) {
        return jdbc.queryForObject("select id from contacts where account_id = ? and email = ?", Long.class, accountId, email);
    }

    void product(long accountId, String hostname, boolean overdue) {
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at, last_heartbeat_at,"
                        + " security_compliance, heartbeat_overdue) values (?, 'DISCOVERY', ?, ?, now(), now(), 'ENABLED', ?)",
                accountId, hostname, java.util.UUID.randomUUID().toString(), overdue);
    }

    /** One incident of {@code rule} at {@code at} naming the hosts and threats given. */
    void incident(long accountId, String rule, String severity, Instant at, Set<String> hosts, Set<String> threats) {
        recorder.record(accountId, List.of(new IncidentFinding(rule, accountId, rule + "|" + at + "|" + hosts, rule + " seen",
                severity, List.of(), at, at.plusSeconds(60), hosts, Set.of("10.0.0.1"), threats, Set.of())), Map.of());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
