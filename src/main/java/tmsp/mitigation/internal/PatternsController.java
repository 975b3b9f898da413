package tmsp.mitigation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mitigation › Patterns (ADMIN): every cleanup pattern with its case, account and where it is deployed; upload one
 * for a case that waits for it, re-issue one (a new file) or withdraw one while it is being deployed.
 */
@Controller
class PatternsController {

    private final PatternsPage page;
    private final PatternWork work;
    private final long maxPatternBytes;

    PatternsController(PatternsPage page, PatternWork work, MitigationProperties properties) {
        this.page = page;
        this.work = work;
        this.maxPatternBytes = properties.maxPatternSize().toBytes();
    }

    @GetMapping("/mitigation/patterns")
    String list(@RequestParam(required = false) Long account, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return show(account, status, page, Map.of(), null, model);
    }

    @PostMapping("/mitigation/patterns")
    String upload(@RequestParam(required = false) Long caseId, @RequestParam(defaultValue = "") String patternName,
                  @RequestParam(required = false) MultipartFile file, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        long[] uploaded = new long[1];
        String refusal = caseId == null ? "mitigation.patterns.error.noCase"
                : withFile(file, "mitigation.patterns.error.notWaiting", (content, fileName) -> uploaded[0] =
                        work.upload(caseId, patternName, fileName, content, authentication.getName()));
        if (refusal == null) {
            return done(redirect, null, "mitigation.patterns.uploaded.flash", uploaded[0]);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(null, null, 0, Map.of("caseId", caseId == null ? "" : caseId.toString(),
                "patternName", patternName), refusal, model);
    }

    @PostMapping("/mitigation/patterns/{id}/reissue")
    String reissue(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                   Authentication authentication, RedirectAttributes redirect) {
        String refusal = withFile(file, "mitigation.patterns.error.notDeploying",
                (content, fileName) -> work.reissue(id, fileName, content, authentication.getName()));
        return done(redirect, refusal, "mitigation.patterns.reissued", id);
    }

    /** What a step with a file does with its content (streamed from the multipart's temporary file). */
    @FunctionalInterface
    private interface FileStep {
        void take(InputStream content, String fileName);
    }

    /** Refuses an empty or too large file before it is read; @return the refusal's message key, or null when done */
    private String withFile(MultipartFile file, String conflictKey, FileStep step) {
        if (file == null || file.isEmpty()) {
            return "mitigation.patterns.error.empty";
        }
        if (file.getSize() > maxPatternBytes) {
            return "mitigation.patterns.error.tooLarge";
        }
        try (InputStream content = file.getInputStream()) {
            step.take(content, file.getOriginalFilename());
            return null;
        } catch (PatternRefused refused) {
            return refused.messageKey();
        } catch (ErrorResponseException conflict) {
            return conflictKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/mitigation/patterns/{id}/withdraw")
    String withdraw(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        String refusal = null;
        try {
            work.withdraw(id, authentication.getName());
        } catch (PatternRefused refused) {
            refusal = refused.messageKey();
        } catch (ErrorResponseException conflict) {
            refusal = "mitigation.patterns.error.notDeploying";
        }
        return done(redirect, refusal, "mitigation.patterns.withdrawn", id);
    }

    private static String done(RedirectAttributes redirect, String refusal, String success, long id) {
        redirect.addFlashAttribute(refusal == null ? "success" : "error", refusal == null ? success : refusal);
        redirect.addFlashAttribute("flashArg", id);
        return "redirect:/mitigation/patterns";
    }

    private String show(Long account, String status, int pageNumber, Map<String, String> uploadFields,
                        String uploadError, Model model) {
        CleanupPattern.Status wanted = Arrays.stream(CleanupPattern.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("rows", page.rows(account, wanted, pageNumber));
        model.addAttribute("account", account);
        model.addAttribute("status", wanted == null ? null : wanted.name());
        model.addAttribute("statuses", CleanupPattern.Status.values());
        model.addAttribute("accounts", page.filterAccounts());
        model.addAttribute("waiting", page.waitingForPattern());
        model.addAttribute("uploadFields", uploadFields);
        model.addAttribute("uploadError", uploadError);
        model.addAttribute("maxPatternMb", maxPatternBytes / (1024 * 1024));
        String query = (account == null ? "" : "&account=" + account) + (wanted == null ? "" : "&status=" + wanted.name());
        model.addAttribute("pagePath", "/mitigation/patterns" + (query.isEmpty() ? "" : "?" + query.substring(1)));
        return "mitigation/patterns";
    }
}
