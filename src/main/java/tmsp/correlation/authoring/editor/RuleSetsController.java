package tmsp.correlation.authoring.editor;

import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.identity.CurrentUser;

/**
 * Rules: every rule set version and draft, newest first, with New draft, Restore as draft, Export, Import and
 * Discard. Analysts change, administrators read (the security configuration refuses their posts).
 */
@Controller
@RequestMapping(RuleSetsController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class RuleSetsController {

    static final String PATH = "/rules";

    private final RuleDrafts drafts;
    private final RuleSetImport imports;

    RuleSetsController(RuleDrafts drafts, RuleSetImport imports) {
        this.drafts = drafts;
        this.imports = imports;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("versions", drafts.versions());
        model.addAttribute("maxZipBytes", RuleSetImport.MAX_ZIP_BYTES);
        return "rules/list";
    }

    @PostMapping("/drafts")
    String newDraft(@RequestParam(required = false) String title, RedirectAttributes redirect) {
        try {
            return opened(drafts.create(CurrentUser.name(), null, title), "rules.draft.created", redirect);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "rules.refused");
            redirect.addFlashAttribute("flashArg", e.getMessage());
            return "redirect:" + PATH;
        }
    }

    @PostMapping("/versions/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        RuleSetDraft version = drafts.get(id);
        return opened(drafts.create(CurrentUser.name(), id, "restore " + version.label()), "rules.draft.restored",
                redirect);
    }

    @PostMapping("/drafts/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        String label = drafts.get(id).label();
        drafts.discard(id, CurrentUser.name());
        redirect.addFlashAttribute("success", "rules.draft.discarded");
        redirect.addFlashAttribute("flashArg", label);
        return "redirect:" + PATH;
    }

    @GetMapping("/versions/{id}/export.zip")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        RuleSetDraft version = drafts.get(id);
        String name = "rules-" + version.label().replace("draft #", "draft-") + ".zip";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(RuleSetArchive.write(version));
    }

    @PostMapping("/import")
    String importZip(@RequestParam(name = "zip", required = false) MultipartFile zip, RedirectAttributes redirect)
            throws IOException {
        if (zip == null || zip.isEmpty()) {
            redirect.addFlashAttribute("error", "rules.import.noFile");
            return "redirect:" + PATH;
        }
        if (zip.getSize() > RuleSetImport.MAX_ZIP_BYTES) {
            return refused("The zip is larger than " + RuleSetImport.MAX_ZIP_BYTES / (1024 * 1024) + " MB", redirect);
        }
        try {
            return opened(imports.importDraft(zip.getBytes(), CurrentUser.name()), "rules.import.done", redirect);
        } catch (ArchiveRefused | IllegalArgumentException e) {
            return refused(e.getMessage(), redirect);
        }
    }

    private static String refused(String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "rules.import.refused");
        redirect.addFlashAttribute("flashArg", reason);
        return "redirect:" + PATH;
    }

    private static String opened(RuleSetDraft draft, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", message);
        redirect.addFlashAttribute("flashArg", draft.label());
        return "redirect:" + RuleEditorController.path(draft.id());
    }
}
