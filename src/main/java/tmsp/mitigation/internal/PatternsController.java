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
        String refusal = null;
        if (caseId == null) {
            refusal = "mitigation.patterns.error.noCase";
        } else if (file == null || file.isEmpty()) {
            refusal = "mitigation.patterns.error.empty";
        } else if (file.getSize() > maxPatternBytes) {
            refusal = "mitigation.patterns.error.tooLarge";
        } else {
            try (InputStream content = file.getInputStream()) {
                long id = work.upload(caseId, patternName, file.getOriginalFilename(), content, authentication.getName());
                redirect.addFlashAttribute("success", "mitigation.patterns.uploaded.flash");
                redirect.addFlashAttribute("flashArg", id);
                return "redirect:/mitigation/patterns";
            } catch (PatternRefused refused) {
                refusal = refused.messageKey();
            } catch (ErrorResponseException conflict) {
                refusal = "mitigation.patterns.error.notWaiting";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(null, null, 0, Map.of("caseId", caseId == null ? "" : caseId.toString(),
                "patternName", patternName), refusal, model);
    }

    @PostMapping("/mitigation/patterns/{id}/reissue")
    String reissue(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                   Authentication authentication, RedirectAttributes redirect) {
        String refusal = null;
        if (file == null || file.isEmpty()) {
            refusal = "mitigation.patterns.error.empty";
        } else if (file.getSize() > maxPatternBytes) {
            refusal = "mitigation.patterns.error.tooLarge";
        } else {
            try (InputStream content = file.getInputStream()) {
                work.reissue(id, file.getOriginalFilename(), content, authentication.getName());
            } catch (PatternRefused refused) {
                refusal = refused.messageKey();
            } catch (ErrorResponseException conflict) {
                refusal = "mitigation.patterns.error.notDeploying";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return done(redirect, refusal, "mitigation.patterns.reissued", id);
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
