package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.support.IntegrationTest;

/** /rules/sigma-mapping and /rules/import/sigma on PostgreSQL: roles, validation, and an import into a draft. */
@IntegrationTest
class SigmaPagesIT {

    static final RequestPostProcessor ANALYST = user("sigma-analyst").roles("ANALYST");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor CUSTOMER = user("customer").roles("CUSTOMER");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuleDrafts drafts;
    @Autowired SigmaFieldMappings mappings;

    @Test
    void customersNeverSeeEitherPageAndAdministratorsOnlyRead() throws Exception {
        for (String path : new String[] {"/rules/import/sigma", "/rules/sigma-mapping"}) {
            mvc.perform(get(path).with(CUSTOMER)).andExpect(status().isForbidden());
            mvc.perform(post(path).with(csrf()).with(CUSTOMER).param("yaml", "x").param("sigmaField", "x")
                    .param("detectionField", "user")).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
            mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk());
            mvc.perform(post(path).with(csrf()).with(ADMIN).param("yaml", "x").param("sigmaField", "x")
                    .param("detectionField", "user")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/rules/sigma-mapping/remove").with(csrf()).with(CUSTOMER).param("sigmaField", "User"))
                .andExpect(status().isForbidden());
        String adminPage = mvc.perform(get("/rules/sigma-mapping").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(adminPage).contains("TargetUserName", "srcAddress").doesNotContain("id=\"mapping-form\"");
        assertThat(mvc.perform(get("/rules/import/sigma").with(ADMIN)).andReturn().getResponse().getContentAsString())
                .contains("id=\"analysts-only\"").doesNotContain("id=\"import-button\"");
    }

    @Test
    void theMappingIsListedAddedChangedAndRemovedWithValidation() throws Exception {
        String page = mvc.perform(get("/rules/sigma-mapping").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"mapping-form\"", "name=\"_csrf\"", "data-field=\"src_ip\"",
                "<option value=\"logonOutcome\"");

        for (String[] bad : new String[][] {{"Event ID", "user", "sigmaField-error"},
                {"EventID", "getClass", "detectionField-error"}, {"EventID", "accountId", "detectionField-error"},
                {"EventID", "", "detectionField-error"}, {"", "user", "sigmaField-error"}}) {
            String form = mvc.perform(post("/rules/sigma-mapping").with(csrf()).with(ANALYST)
                    .param("sigmaField", bad[0]).param("detectionField", bad[1])).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(form).as(bad[0] + " -> " + bad[1]).contains("id=\"" + bad[2] + "\"");
        }
        assertThat(mappings.asMap()).doesNotContainKey("EventID");

        mvc.perform(post("/rules/sigma-mapping").with(csrf()).with(ANALYST).param("sigmaField", "EventName")
                .param("detectionField", "eventName").param("note", "for the test"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/rules/sigma-mapping"));
        assertThat(mappings.asMap()).containsEntry("EventName", "eventName");
        mvc.perform(post("/rules/sigma-mapping").with(csrf()).with(ANALYST).param("sigmaField", "EventName")
                .param("detectionField", "ruleName")).andExpect(status().isFound());
        assertThat(mappings.asMap()).containsEntry("EventName", "ruleName");
        mvc.perform(post("/rules/sigma-mapping").with(ANALYST).param("sigmaField", "EventName")
                .param("detectionField", "user")).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/rules/sigma-mapping/remove").with(csrf()).with(ANALYST).param("sigmaField", "EventName"))
                .andExpect(status().isFound());
        assertThat(mappings.asMap()).doesNotContainKey("EventName");
        assertThat(jdbc.queryForList("select details from audit_events where action = 'SIGMA_MAPPING' and "
                + "target = 'Sigma field EventName' and actor = 'sigma-analyst' order by id", String.class))
                .containsExactly("added: eventName (for the test)", "changed: ruleName", "removed");
    }

    static final String TEMPORAL = SigmaCorrelationTypesTest.TEMPORAL;

    @Test
    void aPreviewShowsTheDrlAndAnImportSavesItIntoANewDraft() throws Exception {
        String preview = mvc.perform(post("/rules/import/sigma").with(csrf()).with(ANALYST).param("preview", "1")
                .param("yaml", TEMPORAL).param("draft", "new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"importable\"", "sigma-reconnaissance-commands.drl",
                "@id(&quot;sigma-reconnaissance-commands&quot;)");

        String location = mvc.perform(post("/rules/import/sigma").with(csrf()).with(ANALYST).param("yaml", TEMPORAL)
                .param("draft", "new")).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/rules/drafts/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        RuleSetDraft draft = drafts.get(id);
        assertThat(draft.author()).isEqualTo("sigma-analyst");
        assertThat(draft.files()).containsKey("sigma-reconnaissance-commands.drl");
        assertThat(drafts.check(id).ok()).isTrue();
    }

    @Test
    void anUploadGoesIntoAnExistingDraftAndARefusedFileSavesNothing() throws Exception {
        RuleSetDraft draft = drafts.create("sigma-analyst", null, "Sigma target");
        MockMultipartFile file = new MockMultipartFile("file", "mr_ordered.yml", "text/yaml",
                SigmaCorrelationTypesTest.TEMPORAL_ORDERED.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/rules/import/sigma").file(file).with(csrf()).with(ANALYST)
                .param("draft", String.valueOf(draft.id()))).andExpect(status().isFound())
                .andExpect(redirectedUrl("/rules/drafts/" + draft.id()));
        assertThat(drafts.get(draft.id()).files()).containsKey("sigma-b180ead8-d58f-40b2-ae54-c8940995b9b6.drl");

        long versions = jdbc.queryForObject("select count(*) from rule_set_versions", Long.class);
        int files = drafts.get(draft.id()).files().size();
        String refused = mvc.perform(post("/rules/import/sigma").with(csrf()).with(ANALYST)
                .param("yaml", SigmaRefusalsTest.SPEC_FULL_EXAMPLE).param("draft", "new"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"refusals\"", "chained correlations are not supported");
        mvc.perform(post("/rules/import/sigma").with(csrf()).with(ANALYST)
                .param("yaml", SigmaRefusalsTest.SPEC_FULL_EXAMPLE).param("draft", String.valueOf(draft.id())))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from rule_set_versions", Long.class)).isEqualTo(versions);
        assertThat(drafts.get(draft.id()).files()).hasSize(files);

        MockMultipartFile binary = new MockMultipartFile("file", "x.yml", "text/yaml", new byte[] {(byte) 0xC3, 0x28});
        assertThat(mvc.perform(multipart("/rules/import/sigma").file(binary).with(csrf()).with(ANALYST)
                .param("draft", "new")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"import-error\"", "not UTF-8");
        MockMultipartFile large = new MockMultipartFile("file", "x.yml", "text/yaml", new byte[SigmaYaml.MAX_BYTES + 1]);
        assertThat(mvc.perform(multipart("/rules/import/sigma").file(large).with(csrf()).with(ANALYST)
                .param("draft", "new")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"import-error\"", "larger than 256 KB");
        assertThat(jdbc.queryForObject("select count(*) from rule_set_versions", Long.class)).isEqualTo(versions);
    }
}
