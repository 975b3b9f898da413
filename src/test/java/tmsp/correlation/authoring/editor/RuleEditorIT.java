package tmsp.correlation.authoring.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;
import tmsp.support.IntegrationTest;

/** The versions list and the rule editor on PostgreSQL through MockMvc: roles, Check, parameters, export/import. */
@IntegrationTest
class RuleEditorIT {

    static final RequestPostProcessor ANALYST = user("ann").roles("ANALYST");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor CUSTOMER = user("cus").roles("CUSTOMER");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuleDrafts drafts;
    @Autowired RuleSetStore store;

    @Test
    void theListShowsEveryVersionAndDraftWithThePublishedOneMarked() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, "a list test");
        long published = store.publishedId().orElseThrow();

        String page = page("/rules", ANALYST);

        assertThat(page).contains("id=\"version-" + draft.id() + "\"", "draft #" + draft.id(), "a list test",
                "id=\"published-" + published + "\"", "href=\"/rules/versions/" + published + "/export.zip\"",
                "id=\"discard-" + draft.id() + "\"", "id=\"new-draft-form\"", "id=\"import-form\"",
                "href=\"/rules/import/sigma\"", "href=\"/rules\"");
        assertThat(page("/rules", ADMIN)).contains("draft #" + draft.id()).doesNotContain("id=\"new-draft-form\"",
                "id=\"discard-" + draft.id() + "\"", "id=\"import-form\"");
    }

    @Test
    void newRestoreAndDiscardMakeAndRemoveDrafts() throws Exception {
        String location = mvc.perform(post("/rules/drafts").with(csrf()).with(ANALYST).param("title", "from the list"))
                .andExpect(status().isFound()).andExpect(flash().attribute("success", "rules.draft.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/rules/drafts/".length()));
        assertThat(drafts.get(id).title()).isEqualTo("from the list");
        assertThat(drafts.get(id).author()).isEqualTo("ann");

        long first = jdbc.queryForObject("select id from rule_set_versions where number = 1", Long.class);
        String restored = mvc.perform(post("/rules/versions/{id}/restore", first).with(csrf()).with(ANALYST))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        RuleSetDraft restore = drafts.get(Long.parseLong(restored.substring("/rules/drafts/".length())));
        assertThat(restore.title()).isEqualTo("restore v1");
        assertThat(restore.baseVersionId()).isEqualTo(first);

        mvc.perform(post("/rules/drafts/{id}/discard", id).with(csrf()).with(ANALYST))
                .andExpect(redirectedUrl("/rules"));
        assertThat(jdbc.queryForObject("select count(*) from rule_set_versions where id = ?", Long.class, id)).isZero();
        mvc.perform(post("/rules/drafts").with(csrf()).with(ANALYST).param("title", "x".repeat(201)))
                .andExpect(redirectedUrl("/rules")).andExpect(flash().attribute("error", "rules.refused"));
    }

    @Test
    void checkAnswersAFragmentWithEachProblemAtItsLine() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, null);
        String page = page("/rules/drafts/" + draft.id() + "?file=outbreak.drl", ANALYST);
        assertThat(page).contains("id=\"file-outbreak.drl\"", "name=\"drl\"", "codemirror.js", "drl-mode.js",
                "rules-editor.js", "hx-post=\"/rules/drafts/" + draft.id() + "/files/outbreak.drl\"",
                "href=\"/rules/drafts/" + draft.id() + "/tests\"", "href=\"/rules/drafts/" + draft.id() + "/exceptions\"",
                "href=\"/rules/drafts/" + draft.id() + "/review\"", "name=\"param.malware-outbreak.hosts\"");

        String outbreak = draft.files().get("outbreak.drl");
        String broken = outbreak.replaceFirst("then\n", "then\n        nonsense(;\n");
        int line = lineOf(broken, "nonsense(;");
        String fragment = mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                        .header("HX-Request", "true").param("drl", broken).param("action", "check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<div id=\"check-result\"").doesNotContain("<html", "<nav")
                .contains("id=\"check-problems\"", "data-file=\"outbreak.drl\"", "data-line=\"" + line + "\"",
                        "outbreak.drl:" + line);
        assertThat(drafts.get(draft.id()).files().get("outbreak.drl")).isEqualTo(broken);

        String clean = mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                        .header("HX-Request", "true").param("drl", outbreak).param("action", "check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(clean).contains("id=\"check-ok\"", "the draft compiles").doesNotContain("problem-link");

        // without JavaScript the form posts and the page answers with the problems
        String plain = mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                        .param("drl", broken).param("action", "check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(plain).contains("<nav", "id=\"check-problems\"", "data-line=\"" + line + "\"", "nonsense(;");
    }

    @Test
    void filesAreAddedAndDeletedAndOversizedTextIsRefused() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, null);
        mvc.perform(post("/rules/drafts/{id}/files", draft.id()).with(csrf()).with(ANALYST).param("name", "my-rules"))
                .andExpect(redirectedUrl("/rules/drafts/" + draft.id() + "?file=my-rules.drl"));
        assertThat(drafts.get(draft.id()).files().get("my-rules.drl")).startsWith("package tmsp.rules.my_rules\n");
        assertThat(drafts.check(draft.id()).ok()).isTrue();
        String refused = mvc.perform(post("/rules/drafts/{id}/files", draft.id()).with(csrf()).with(ANALYST)
                .param("name", "../Evil.drl")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("id=\"new-file-error\"", "lower-case letters");

        mvc.perform(post("/rules/drafts/{id}/files/my-rules.drl/delete", draft.id()).with(csrf()).with(ANALYST))
                .andExpect(redirectedUrl("/rules/drafts/" + draft.id()));
        assertThat(drafts.get(draft.id()).files()).doesNotContainKey("my-rules.drl");

        String tooLarge = mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                        .header("HX-Request", "true").param("drl", "//" + "x".repeat(300 * 1024)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(tooLarge).contains("id=\"save-error\"", "at most 200 KB");
        assertThat(drafts.get(draft.id()).files().get("outbreak.drl")).isEqualTo(draft.files().get("outbreak.drl"));
    }

    @Test
    void parametersAreSavedAndABadValueComesBackAtItsField() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, null);
        String bad = mvc.perform(post("/rules/drafts/{id}/parameters", draft.id()).with(csrf()).with(ANALYST)
                        .param("param.malware-outbreak.hosts", "0").param("param.malware-outbreak.window", "1h"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Nothing was saved", "id=\"param-error-malware-outbreak.hosts\"",
                "hosts must be a whole number from 1").doesNotContain("id=\"param-error-malware-outbreak.window\"");
        assertThat(drafts.get(draft.id()).overrides()).isEmpty();

        mvc.perform(post("/rules/drafts/{id}/parameters", draft.id()).with(csrf()).with(ANALYST)
                        .param("param.malware-outbreak.hosts", "5").param("param.malware-outbreak.window", "1h"))
                .andExpect(status().isFound()).andExpect(flash().attribute("success", "rules.parameters.saved"));
        assertThat(drafts.get(draft.id()).overrides()).isEqualTo(Map.of("malware-outbreak.hosts", "5"));
        assertThat(page("/rules/drafts/" + draft.id(), ANALYST)).contains("id=\"param-malware-outbreak.hosts\"")
                .containsPattern("name=\"param.malware-outbreak.hosts\"\\s+value=\"5\"");

        String unknown = mvc.perform(post("/rules/drafts/{id}/parameters", draft.id()).with(csrf()).with(ANALYST)
                        .param("param.no-such-rule.hosts", "3"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("id=\"parameters-error\"", "No rule parameter no-such-rule.hosts");
    }

    @Test
    void aDraftInReviewIsReadOnlyAndChangesAreRefusedWith409() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, null);
        drafts.submit(draft.id(), "ann", "please", null);

        assertThat(page("/rules/drafts/" + draft.id(), ANALYST)).contains("id=\"read-only\"", "In review")
                .contains("readonly").doesNotContain("id=\"check\"", "id=\"save-parameters\"", "hx-post");
        String refused = mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                .param("drl", "package tmsp.rules.x\n")).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("id=\"refused\"", "in review");
        mvc.perform(post("/rules/drafts/{id}/files/outbreak.drl", draft.id()).with(csrf()).with(ANALYST)
                        .header("HX-Request", "true").param("drl", "package tmsp.rules.x\n"))
                .andExpect(status().isConflict());
        mvc.perform(post("/rules/drafts/{id}/discard", draft.id()).with(csrf()).with(ANALYST))
                .andExpect(status().isConflict());
        mvc.perform(get("/rules/drafts/{id}", 987_654_321L).with(ANALYST)).andExpect(status().isNotFound());
        mvc.perform(get("/rules/versions/{id}/export.zip", 987_654_321L).with(ANALYST)).andExpect(status().isNotFound());
    }

    @Test
    void administratorsReadButChangeNothingCustomersSeeNothingAndPostsNeedCsrf() throws Exception {
        RuleSetDraft draft = drafts.create("ann", null, null);
        long id = draft.id();
        List<String> pages = List.of("/rules", "/rules/drafts/" + id, "/rules/drafts/" + id + "?file=outbreak.drl",
                "/rules/versions/" + id + "/export.zip");
        List<String> posts = List.of("/rules/drafts", "/rules/versions/" + id + "/restore", "/rules/drafts/" + id + "/discard",
                "/rules/import", "/rules/drafts/" + id + "/files/outbreak.drl", "/rules/drafts/" + id + "/files",
                "/rules/drafts/" + id + "/files/outbreak.drl/delete", "/rules/drafts/" + id + "/parameters");
        for (String path : pages) {
            mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk());
            mvc.perform(get(path).with(CUSTOMER)).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(redirectedUrlPattern("**/login"));
        }
        for (String path : posts) {
            mvc.perform(post(path).with(csrf()).with(ADMIN).param("drl", "x").param("name", "y.drl"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(path).with(csrf()).with(CUSTOMER).param("drl", "x")).andExpect(status().isForbidden());
            mvc.perform(post(path).with(ANALYST).param("drl", "x").param("name", "y.drl"))
                    .andExpect(status().isForbidden());
        }
        assertThat(drafts.get(id).files()).isEqualTo(draft.files());
        // the menu entry: analysts and administrators have it, customers do not
        assertThat(page("/tasks", ANALYST)).contains("href=\"/rules\"");
        assertThat(page("/tasks", ADMIN)).contains("href=\"/rules\"");
        assertThat(page("/tasks", CUSTOMER)).contains("href=\"/tasks\"").doesNotContain("href=\"/rules\"");
    }

    @Test
    void anExportedVersionImportsAsADraftWithTheSameContent() throws Exception {
        RuleSetDraft original = drafts.create("ann", null, "round trip");
        drafts.saveParameters(original.id(), Map.of("malware-outbreak.hosts", "7"), "ann");
        drafts.saveFile(original.id(), "extra.drl", "package tmsp.rules.extra\n// ü and more\n", "ann");
        drafts.deleteFile(original.id(), "history.drl", "ann");
        drafts.addException(original.id(), new RuleException(null, "malware-outbreak", RuleException.Kind.HOST,
                "lab-*", java.time.LocalDate.of(2027, 3, 1), "the lab", null), "ann");
        RuleSetDraft before = drafts.get(original.id());

        byte[] zip = mvc.perform(get("/rules/versions/{id}/export.zip", original.id()).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String location = mvc.perform(multipart("/rules/import").file(new MockMultipartFile("zip", "x.zip",
                        "application/zip", zip)).with(csrf()).with(ANALYST))
                .andExpect(status().isFound()).andExpect(flash().attribute("success", "rules.import.done"))
                .andReturn().getResponse().getRedirectedUrl();
        RuleSetDraft imported = drafts.get(Long.parseLong(location.substring("/rules/drafts/".length())));

        assertThat(imported.id()).isNotEqualTo(original.id());
        assertThat(imported.state()).isEqualTo("DRAFT");
        assertThat(imported.title()).isEqualTo("import of draft #" + original.id() + ": round trip");
        assertThat(imported.files()).isEqualTo(before.files());
        assertThat(imported.overrides()).isEqualTo(before.overrides());
        assertThat(imported.exceptions()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .isEqualTo(before.exceptions());
        byte[] again = mvc.perform(get("/rules/versions/{id}/export.zip", imported.id()).with(ANALYST))
                .andReturn().getResponse().getContentAsByteArray();
        RuleSetArchive.Content first = RuleSetArchive.read(zip);
        RuleSetArchive.Content second = RuleSetArchive.read(again);
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(second.manifest().parameters()).isEqualTo(first.manifest().parameters());
        assertThat(second.manifest().exceptions()).isEqualTo(first.manifest().exceptions());
    }

    @Test
    void aRefusedImportLeavesNothingBehind() throws Exception {
        RuleSetDraft source = drafts.create("ann", null, null);
        byte[] good = RuleSetArchive.write(source);
        long versions = jdbc.queryForObject("select count(*) from rule_set_versions", Long.class);
        long audit = jdbc.queryForObject("select count(*) from audit_events", Long.class);

        // a well-formed zip whose exception names a rule the files do not have: refused after the draft was made
        RuleSetDraft unknownRule = new RuleSetDraft(source.id(), null, "DRAFT", null, "ann", null, source.createdAt(),
                source.updatedAt(), null, null, null, null, null, source.files(), Map.of(), List.of(new RuleException(
                null, "no-such-rule", RuleException.Kind.HOST, "pc1", null, null, "ann")));
        importRefused(RuleSetArchive.write(unknownRule), "No rule no-such-rule in this draft");
        importRefused(java.util.Arrays.copyOf(good, good.length - 30), "truncated");
        importRefused("not a zip".getBytes(), "not a zip file");

        assertThat(jdbc.queryForObject("select count(*) from rule_set_versions", Long.class)).isEqualTo(versions);
        assertThat(jdbc.queryForObject("select count(*) from audit_events", Long.class)).isEqualTo(audit);
    }

    private void importRefused(byte[] zip, String reason) throws Exception {
        mvc.perform(multipart("/rules/import").file(new MockMultipartFile("zip", "x.zip", "application/zip", zip))
                        .with(csrf()).with(ANALYST))
                .andExpect(redirectedUrl("/rules")).andExpect(flash().attribute("error", "rules.import.refused"))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("flashArg"))).contains(reason));
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(who);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
