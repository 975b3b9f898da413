package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;

/**
 * In a real headless Chromium: an analyst opens Rules, makes a draft of the published set, raises the outbreak
 * threshold in the parameter form, breaks a rule in CodeMirror, presses Check and sees the problem marked at its
 * line (no page load), jumps to it from the list, deletes the line and Check is clean; then imports the draft's
 * export as a new draft through the upload form.
 */
@IntegrationTest
class RuleEditorJourneyIT {

    static final String PASSWORD = "journey-password-1";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired RuleDrafts drafts;

    @Test
    void anAnalystChangesAThresholdAndFindsAndFixesACompileError() throws Exception {
        String analyst = "ana-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users/new").with(csrf()).with(user("admin").roles("ADMIN")).param("username", analyst)
                        .param("displayName", "Ana Lyst").param("password", PASSWORD).param("roles", "ANALYST"))
                .andExpect(redirectedUrl("/admin/users"));

        long id;
        try (Browser browser = Browser.open(port)) {
            browser.logIn(analyst, PASSWORD);
            browser.clickAndLoad(By.linkText("Rules"));
            browser.waitForPath("/rules");
            browser.type("title", "five hosts");
            browser.clickAndLoad(By.id("new-draft"));
            browser.waitForPath("/rules/drafts/\\d+");
            id = Long.parseLong(browser.path().replaceAll("\\D", ""));
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("draft #" + id + " is created");

            browser.type("param.malware-outbreak.hosts", "5");
            browser.clickAndLoad(By.id("save-parameters"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Parameters saved.");
            assertThat(browser.value("param.malware-outbreak.hosts")).isEqualTo("5");
            assertThat(drafts.get(id).overrides()).isEqualTo(Map.of("malware-outbreak.hosts", "5"));

            browser.clickAndLoad(By.id("file-outbreak.drl"));
            browser.waitFor(By.cssSelector(".CodeMirror .cm-keyword"));
            String original = drafts.get(id).files().get("outbreak.drl");
            int then = lineOf(original, "then\n");
            browser.click(line(then));
            browser.keys(Keys.END, Keys.ENTER, "nonsense(;");
            browser.click(By.id("check"));

            browser.waitForId("check-problems");
            int broken = then + 1;
            assertThat(browser.all(By.cssSelector("#problem-list a[data-line='" + broken + "']"))).isNotEmpty();
            assertThat(browser.all(By.cssSelector(".CodeMirror-code > .drl-problem-line .CodeMirror-linenumber")))
                    .extracting(e -> e.getText().trim()).contains(String.valueOf(broken));
            assertThat(browser.waitFor(By.cssSelector(".drl-problem-marker")).getDomAttribute("title")).isNotBlank();
            assertThat(browser.path()).isEqualTo("/rules/drafts/" + id + "?file=outbreak.drl"); // no page load
            assertThat(drafts.get(id).files().get("outbreak.drl")).contains("nonsense(;");

            browser.click(By.cssSelector("#problem-list a[data-file='outbreak.drl'][data-line='" + broken + "']"));
            assertThat(browser.script("return document.querySelector('.CodeMirror').CodeMirror.getCursor().line + 1"))
                    .isEqualTo((long) broken);
            browser.keys(Keys.chord(Keys.CONTROL, "d")); // CodeMirror: delete the line
            browser.click(By.id("check"));

            browser.waitForId("check-ok");
            assertThat(browser.all(By.cssSelector(".drl-problem-line, .drl-problem-marker"))).isEmpty();

            // the draft exported and imported again through the browser's multipart form (CSRF token included)
            Path zip = Files.createTempFile("rules-", ".zip");
            Files.write(zip, mvc.perform(get("/rules/versions/{id}/export.zip", id).with(user(analyst).roles("ANALYST")))
                    .andReturn().getResponse().getContentAsByteArray());
            browser.get("/rules");
            browser.waitForId("import-zip").sendKeys(zip.toString());
            browser.clickAndLoad(By.id("import"));
            browser.waitForPath("/rules/drafts/\\d+");
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("is imported as draft #");
            long imported = Long.parseLong(browser.path().replaceAll("\\D", ""));
            assertThat(drafts.get(imported).overrides()).isEqualTo(Map.of("malware-outbreak.hosts", "5"));
            Files.delete(zip);
        }
        RuleSetDraft fixed = drafts.get(id);
        assertThat(fixed.files().get("outbreak.drl")).isEqualTo(drafts.get(fixed.baseVersionId()).files().get("outbreak.drl"));
        assertThat(drafts.check(fixed.id()).ok()).isTrue();
    }

    /** The CodeMirror line with this 1-based number (every line is drawn: the editor's viewport is unlimited). */
    private static By line(int number) {
        return By.cssSelector(".CodeMirror-code > div:nth-child(" + number + ") pre.CodeMirror-line");
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
