package tmsp.correlation.authoring.sigma;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.correlation.authoring.DraftNotEditable;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetStore;

/**
 * Rules › Import Sigma: paste or upload a Sigma correlation rule file, see the DRL it becomes (or why it is
 * refused), and save it into an editable draft or a new one. ANALYST imports; ADMIN may look (SecurityConfig).
 */
@Controller
@RequestMapping("/rules/import/sigma")
class SigmaImportController {

    static final String NEW_DRAFT = "new";

    private final SigmaDraftImport imports;
    private final RuleDrafts drafts;

    SigmaImportController(SigmaDraftImport imports, RuleDrafts drafts) {
        this.imports = imports;
        this.drafts = drafts;
    }

    @GetMapping
    String form(@RequestParam(required = false) Long draft, Model model) {
        return page(model, "", draft == null ? NEW_DRAFT : draft.toString(), null, null);
    }

    @PostMapping(params = "preview")
    @PreAuthorize("hasRole('ANALYST')")
    String preview(@RequestParam(defaultValue = "") String yaml, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(defaultValue = NEW_DRAFT) String draft, Model model) {
        Input input = input(yaml, file);
        if (input.error() != null) {
            return page(model, input.text(), draft, null, input.error());
        }
        return page(model, input.text(), draft, imports.preview(input.text(), draftId(draft)), null);
    }

    @PostMapping
    @PreAuthorize("hasRole('ANALYST')")
    String importFile(@RequestParam(defaultValue = "") String yaml, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = NEW_DRAFT) String draft, Principal principal, Model model,
                      RedirectAttributes redirect) {
        Input input = input(yaml, file);
        if (input.error() != null) {
            return page(model, input.text(), draft, null, input.error());
        }
        SigmaDraftImport.Imported imported;
        try {
            imported = imports.importInto(input.text(), draftId(draft), principal.getName());
        } catch (DraftNotEditable e) {
            return page(model, input.text(), draft, null, "sigma.import.error.notEditable");
        }
        if (imported.draft() == null) {
            return page(model, input.text(), draft, imported.preview(), null);
        }
        redirect.addFlashAttribute("success", "sigma.import.done");
        redirect.addFlashAttribute("flashArg", imported.preview().result().fileName());
        return "redirect:/rules/drafts/" + imported.draft().id();
    }

    private String page(Model model, String yaml, String draft, SigmaDraftImport.Preview preview, String error) {
        List<RuleSetStore.VersionRow> editable = drafts.versions().stream()
                .filter(v -> "DRAFT".equals(v.state())).toList();
        model.addAttribute("yaml", yaml);
        model.addAttribute("draft", draft);
        model.addAttribute("drafts", editable);
        model.addAttribute("preview", preview);
        model.addAttribute("formError", error);
        model.addAttribute("maxKb", SigmaYaml.MAX_BYTES / 1024);
        return "correlation/sigma-import";
    }

    private static Long draftId(String draft) {
        if (draft == null || draft.isBlank() || draft.equals(NEW_DRAFT)) {
            return null;
        }
        try {
            return Long.valueOf(draft.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such draft: " + draft);
        }
    }

    record Input(String text, String error) {
    }

    /** The uploaded file when there is one, else the pasted text; too large or not UTF-8 is an error. */
    private static Input input(String yaml, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return yaml.length() > SigmaYaml.MAX_BYTES ? new Input("", "sigma.import.error.tooLarge")
                    : new Input(yaml, null);
        }
        if (file.getSize() > SigmaYaml.MAX_BYTES) {
            return new Input(yaml, "sigma.import.error.tooLarge");
        }
        try {
            return new Input(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes()))
                    .toString(), null);
        } catch (CharacterCodingException e) {
            return new Input(yaml, "sigma.import.error.encoding");
        } catch (IOException e) {
            return new Input(yaml, "sigma.import.error.upload");
        }
    }
}
