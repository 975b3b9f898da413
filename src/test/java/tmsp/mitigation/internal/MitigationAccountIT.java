package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The account page's threat mitigation card, and what deleting the account does to its cases and files. */
@IntegrationTest
class MitigationAccountIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired FileStore store;
    @Value("${tmsp.time-zone}") ZoneId zone;

    @Test
    void theCardCountsOpenAndWaitingCasesAndYesterdaysNonconformingEndpoints() throws Exception {
        MitigationData data = MitigationData.of(context);
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Card");
        long tms = data.mitigator(account.id(), "tms-card");
        Instant yesterday = ReportingDays.before(LocalDate.now(zone), zone).yesterday().start().plusSeconds(3600);
        data.newCase(account.id(), tms, "tms-card", "10.3.0.1", "a", "a.zip", "a", Instant.now()); // waits: review
        MitigationCase sent = data.newCase(account.id(), tms, "tms-card", "10.3.0.2", "b", "b.zip", "b", Instant.now());
        data.vendorCase(sent.id(), "VND-CARD-" + sent.id(), Instant.now()); // open, waits for the vendor
        MitigationCase done = data.newCase(account.id(), tms, "tms-card", "10.3.0.3", "c", "c.zip", "c", Instant.now());
        data.vendorCase(done.id(), "VND-CARD-" + done.id(), Instant.now());
        data.reported(data.pattern(data.cases.findById(done.id()).orElseThrow(), "CPR-C", Instant.now(), tms, "tms-card"),
                tms, true, null); // closed
        data.status(account.id(), tms, "10.3.0.1", "a", "UNRESOLVED", null, yesterday);
        data.status(account.id(), tms, "10.3.0.1", "a", "MITIGATION_FAILED", null, yesterday.plusSeconds(60));
        data.status(account.id(), tms, "10.3.0.2", "b", "MITIGATION_EXCEPTION", null, yesterday);
        data.status(account.id(), tms, "10.3.0.3", "c", "RESOLVED", null, yesterday);

        String page = mvc.perform(get("/accounts/" + account.id()).with(user(users.loadUserByUsername(account.portalUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"mitigation-card\"",
                "href=\"/accounts/" + account.id() + "/mitigation/cases\"",
                "href=\"/accounts/" + account.id() + "/mitigation/nonconforming\"");
        assertThat(between(page, "id=\"mitigation-open\"")).isEqualTo("2");
        assertThat(between(page, "id=\"mitigation-waiting\"")).isEqualTo("1");
        assertThat(between(page, "id=\"mitigation-nonconforming\"")).isEqualTo("2");
    }

    @Test
    void deletingTheAccountRemovesItsCasesStatusesAndStoredFilesButNoOtherAccounts() throws Exception {
        MitigationData data = MitigationData.of(context);
        TestAccounts.Created leaving = TestAccounts.create(mvc, json, jdbc, "Leaving");
        TestAccounts.Created staying = TestAccounts.create(mvc, json, jdbc, "Staying");
        MitigationCase gone = data.newCase(leaving.id(), 1, "tms", "10.4.0.1", "x", "x.zip", "x", Instant.now());
        data.vendorCase(gone.id(), "VND-DEL-" + gone.id(), Instant.now());
        CleanupPattern pattern = data.pattern(data.cases.findById(gone.id()).orElseThrow(), "CPR-DEL", Instant.now(), 1L, "tms");
        data.status(leaving.id(), 1, "10.4.0.1", "x", "UNRESOLVED", null, Instant.now());
        MitigationCase kept = data.newCase(staying.id(), 2, "tms", "10.4.0.2", "y", "y.zip", "y", Instant.now());
        data.status(staying.id(), 2, "10.4.0.2", "y", "UNRESOLVED", null, Instant.now());
        Path sample = store.path(FileStore.Kind.SAMPLES, gone.sampleFile());
        Path patternFile = store.path(FileStore.Kind.PATTERNS, pattern.storedFile());
        assertThat(sample).exists();
        assertThat(patternFile).exists();

        mvc.perform(delete("/api/v1/accounts/" + leaving.id()).with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("select count(*) from mitigation_cases where account_id = ?", leaving.id())).isZero();
            assertThat(Files.exists(sample)).isFalse();
            assertThat(Files.exists(patternFile)).isFalse();
        });
        assertThat(count("select count(*) from endpoint_statuses where account_id = ?", leaving.id())).isZero();
        assertThat(count("select count(*) from mitigation_case_steps where case_id = ?", gone.id())).isZero();
        assertThat(count("select count(*) from cleanup_patterns where case_id = ?", gone.id())).isZero();
        assertThat(count("select count(*) from pattern_deployments where pattern_id = ?", pattern.id())).isZero();
        assertThat(count("select count(*) from mitigation_cases where id = ?", kept.id())).isOne();
        assertThat(count("select count(*) from endpoint_statuses where account_id = ?", staying.id())).isOne();
        assertThat(store.path(FileStore.Kind.SAMPLES, kept.sampleFile())).exists();
    }

    private long count(String sql, long id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }

    /** The text of the element that carries {@code attribute}. */
    private static String between(String html, String attribute) {
        int start = html.indexOf('>', html.indexOf(attribute)) + 1;
        return html.substring(start, html.indexOf('<', start)).trim();
    }
}
