package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.mitigation.CaseStatus;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** One case: its page, the administrator's sample download (and what it records), and the JSON API. */
@IntegrationTest
class CasePageIT {

    static final RequestPostProcessor ADMIN = httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired MitigationCases cases;
    @Autowired FileStore store;

    MitigationData data;
    TestAccounts.Created account;
    TestAccounts.Created other;
    long tms;
    MitigationCase mitigationCase;

    @BeforeEach
    void aCaseWithAPatternDeployedTwice() throws Exception {
        data = MitigationData.of(context);
        account = TestAccounts.create(mvc, json, jdbc, "Case page");
        other = TestAccounts.create(mvc, json, jdbc, "Other");
        tms = data.mitigator(account.id(), "tms-01.corp.example");
        mitigationCase = data.newCase(account.id(), tms, "tms-01.corp.example", "10.1.2.3", "pc-17",
                "Forensic \"data\" 01.zip", "forensic bytes", Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void theCasePageShowsDetailsHistoryPatternsAndDeployments() throws Exception {
        data.vendorCase(mitigationCase.id(), "VND-" + mitigationCase.id(), Instant.now());
        CleanupPattern first = data.pattern(data.cases.findById(mitigationCase.id()).orElseThrow(), "CPR-1001",
                Instant.now(), tms, "tms-01.corp.example");
        data.reported(first, tms, false, "checksum mismatch");

        String admin = mvc.perform(get("/mitigation/cases/" + mitigationCase.id()).with(user("root").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("VND-" + mitigationCase.id(), "Deployment failed", "10.1.2.3 (pc-17)",
                        "tms-01.corp.example", "18 bytes", mitigationCase.sampleSha256(),
                        "Threat Sample Received", "Sent to the vendor", "Vendor case opened", "Cleanup pattern uploaded",
                        "CPR-1001 r1", "checksum mismatch", "Failed", "Released",
                        "href=\"/accounts/" + account.id() + "/mitigation/cases\"", "id=\"tasks-link\" href=\"/tasks\"",
                        "href=\"/mitigation/patterns\"", "href=\"/mitigation/cases/" + mitigationCase.id() + "/sample\"")
                .contains("Forensic &quot;data&quot; 01.zip");

        String customer = mvc.perform(get("/mitigation/cases/" + mitigationCase.id())
                        .with(user(users.loadUserByUsername(account.portalUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(customer).contains("VND-" + mitigationCase.id(), "CPR-1001 r1", "checksum mismatch",
                        "href=\"/accounts/" + account.id() + "/mitigation/cases\"")
                .doesNotContain("id=\"tasks-link\"", "id=\"patterns-link\"", "/sample\"");
    }

    @Test
    void anotherAccountsCustomerFindsNoSuchCaseAndNeitherDoesAnyoneForAnUnknownOne() throws Exception {
        var stranger = user(users.loadUserByUsername(other.portalUser()));
        mvc.perform(get("/mitigation/cases/" + mitigationCase.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mitigation-cases/" + mitigationCase.id()).with(stranger))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/mitigation/cases/987654321").with(user("root").roles("ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mitigation-cases/987654321").with(ADMIN)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/mitigation/cases/not-a-number").with(user("root").roles("ADMIN")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theAdministratorDownloadsTheSampleAsAnAttachmentAndTheCaseSaysSo() throws Exception {
        mvc.perform(head("/mitigation/cases/" + mitigationCase.id() + "/sample").with(user("root").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Length", "18"));
        assertThat(cases.findById(mitigationCase.id()).orElseThrow().status()).as("HEAD takes nothing")
                .isEqualTo(CaseStatus.SAMPLE_RECEIVED);
        MockHttpServletResponse response = mvc.perform(get("/mitigation/cases/" + mitigationCase.id() + "/sample")
                        .with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/octet-stream"))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Length", "18"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"case-" + mitigationCase.id() + "-Forensic_data_01.zip\""))
                .andReturn().getResponse();
        byte[] body = response.getContentAsByteArray();
        assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0003\u0004forensic bytes");
        assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo(mitigationCase.sampleSha256());

        MitigationCase after = cases.findById(mitigationCase.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.SAMPLE_DOWNLOADED);
        assertThat(after.updatedAt()).isAfter(mitigationCase.updatedAt());
        assertThat(jdbc.queryForObject("select actor from mitigation_case_steps where case_id = ? and step = 'SAMPLE_DOWNLOADED'",
                String.class, mitigationCase.id())).isEqualTo("root");
        assertThat(jdbc.queryForList("select actor from audit_events where action = 'MITIGATION_CASE' and target = ?"
                + " and details like 'SAMPLE_DOWNLOADED%'", String.class, "case #" + mitigationCase.id() + " of account #"
                + account.id())).as("in the system log").containsExactly("root");
        mvc.perform(get("/api/v1/mitigation-cases/" + mitigationCase.id()).with(ADMIN))
                .andExpect(jsonPath("$.status").value("SAMPLE_DOWNLOADED"));

        // A second download later in the case's life keeps its status and records the download again.
        data.vendorCase(mitigationCase.id(), "VND-X" + mitigationCase.id(), Instant.now());
        mvc.perform(get("/mitigation/cases/" + mitigationCase.id() + "/sample").with(user("other-admin").roles("ADMIN")))
                .andExpect(status().isOk());
        assertThat(cases.findById(mitigationCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_PATTERN);
        assertThat(jdbc.queryForList("select actor from mitigation_case_steps where case_id = ? and step = 'SAMPLE_DOWNLOADED' order by id",
                String.class, mitigationCase.id())).containsExactly("root", "other-admin");
    }

    @Test
    void onlyAnAdministratorMayDownloadAndNothingChangesForTheOthers() throws Exception {
        String url = "/mitigation/cases/" + mitigationCase.id() + "/sample";
        mvc.perform(get(url).with(user(users.loadUserByUsername(account.portalUser())))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(get(url)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/mitigation/cases/987654321/sample").with(user("root").roles("ADMIN"))).andExpect(status().isNotFound());
        assertThat(cases.findById(mitigationCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);
        assertThat(jdbc.queryForObject("select count(*) from mitigation_case_steps where case_id = ? and step = 'SAMPLE_DOWNLOADED'",
                Long.class, mitigationCase.id())).isZero();
    }

    @Test
    void aSampleMissingFromTheStoreIsAClearPageAndTheCaseIsUnchanged() throws Exception {
        Files.delete(store.path(FileStore.Kind.SAMPLES, mitigationCase.sampleFile()));

        String page = mvc.perform(get("/mitigation/cases/" + mitigationCase.id() + "/sample").with(user("root").roles("ADMIN")))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sample-gone\"", "is missing from the sample store",
                "href=\"/mitigation/cases/" + mitigationCase.id() + "\"");
        assertThat(cases.findById(mitigationCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);
    }

    @Test
    void theApiAnswersTheCaseToStaffAndTheAccountsCustomer() throws Exception {
        data.vendorCase(mitigationCase.id(), "VND-A" + mitigationCase.id(), Instant.now());
        data.pattern(data.cases.findById(mitigationCase.id()).orElseThrow(), "CPR-2002", null, null, null);
        for (RequestPostProcessor who : new RequestPostProcessor[] {ADMIN, user("analyst").roles("ANALYST"),
                user(users.loadUserByUsername(account.portalUser()))}) {
            mvc.perform(get("/api/v1/mitigation-cases/" + mitigationCase.id()).with(who))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.caseId").value(mitigationCase.id()))
                    .andExpect(jsonPath("$.accountId").value(account.id()))
                    .andExpect(jsonPath("$.vendorCaseId").value("VND-A" + mitigationCase.id()))
                    .andExpect(jsonPath("$.status").value("PATTERN_RECEIVED"))
                    .andExpect(jsonPath("$.receivedAt").value("2026-11-20T09:00:00Z"))
                    .andExpect(jsonPath("$.updatedAt").isString())
                    .andExpect(jsonPath("$.mitigationServer").value("tms-01.corp.example"))
                    .andExpect(jsonPath("$.endpointIp").value("10.1.2.3"))
                    .andExpect(jsonPath("$.endpointHost").value("pc-17"))
                    .andExpect(jsonPath("$.patternName").value("CPR-2002"))
                    .andExpect(jsonPath("$.sampleSize").value(18))
                    .andExpect(jsonPath("$.sampleSha256").value(mitigationCase.sampleSha256()));
        }
        mvc.perform(get("/api/v1/mitigation-cases/" + mitigationCase.id())).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiIsInTheOpenApiDescription() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/mitigation-cases/{id}'].get.summary").isString());
    }
}
