package tmsp.correlation.authoring.editor;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleCompiler;
import tmsp.correlation.RuleDefinition;
import tmsp.correlation.RuleParameter;
import tmsp.correlation.authoring.CheckResult;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.identity.CurrentUser;

/**
 * The rule editor: a draft's files (CodeMirror over a textarea that also posts without JavaScript), Save and
 * Check answering the problems as an htmx fragment, and each rule's parameters as a form.
 */
@Controller
@RequestMapping(RuleEditorController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class RuleEditorController {

    static final String PATH = "/rules/drafts/{id}";
    static final String PARAMETER = "param.";

    private final RuleDrafts drafts;

    RuleEditorController(RuleDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(required = false) String file,
                @RequestParam(defaultValue = "false") boolean check, Model model) {
        RuleSetDraft draft = drafts.get(id);
        String shown = shownFile(draft, file);
        return show(draft, shown, draft.files().get(shown), check ? drafts.check(id) : null, model);
    }

    /** Save and Check: the file is saved, the draft checked; htmx gets the problems, a plain form the page. */
    @PostMapping("/files/{name}")
    String save(@PathVariable long id, @PathVariable String name, @RequestParam(defaultValue = "") String drl,
                @RequestParam(defaultValue = "check") String action,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            drafts.saveFile(id, name, drl, CurrentUser.name());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("saveError", e.getMessage());
            return htmx != null ? "rules/editor :: check-result" : show(drafts.get(id), name, drl, null, model);
        }
        if (htmx == null && "save".equals(action)) {
            redirect.addFlashAttribute("success", "rules.file.saved");
            redirect.addFlashAttribute("flashArg", name);
            return "redirect:" + path(id) + "?file=" + name;
        }
        CheckResult check = drafts.check(id);
        if (htmx != null) {
            model.addAttribute("draft", drafts.get(id));
            model.addAttribute("check", check);
            model.addAttribute("saved", name);
            return "rules/editor :: check-result";
        }
        model.addAttribute("saved", name);
        return show(drafts.get(id), name, drl, check, model);
    }

    @PostMapping("/files")
    String addFile(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String fileName = name.strip().endsWith(".drl") ? name.strip() : name.strip() + ".drl";
        RuleSetDraft draft = drafts.get(id);
        if (draft.files().containsKey(fileName)) {
            return fileError(draft, fileName, "rules.file.exists", model, response);
        }
        try {
            drafts.saveFile(id, fileName, skeleton(fileName), CurrentUser.name());
        } catch (IllegalArgumentException e) {
            model.addAttribute("newFileReason", e.getMessage());
            return fileError(draft, fileName, "rules.file.notAdded", model, response);
        }
        redirect.addFlashAttribute("success", "rules.file.added");
        redirect.addFlashAttribute("flashArg", fileName);
        return "redirect:" + path(id) + "?file=" + fileName;
    }

    @PostMapping("/files/{name}/delete")
    String deleteFile(@PathVariable long id, @PathVariable String name, RedirectAttributes redirect) {
        drafts.deleteFile(id, name, CurrentUser.name());
        redirect.addFlashAttribute("success", "rules.file.deleted");
        redirect.addFlashAttribute("flashArg", name);
        return "redirect:" + path(id);
    }

    @PostMapping("/parameters")
    String saveParameters(@PathVariable long id, @RequestParam(required = false) String file,
                          @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        RuleSetDraft draft = drafts.get(id);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(PARAMETER)) {
                values.put(key.substring(PARAMETER.length()), value);
            }
        });
        Map<String, String> errors = fieldErrors(draft, values);
        if (errors.isEmpty()) {
            try {
                drafts.saveParameters(id, values, CurrentUser.name());
                redirect.addFlashAttribute("success", "rules.parameters.saved");
                return "redirect:" + path(id) + (file == null ? "" : "?file=" + file) + "#parameters";
            } catch (IllegalArgumentException e) {
                errors.put("", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", "rules.parameters.notSaved");
        model.addAttribute("parameterInput", values);
        model.addAttribute("parameterErrors", errors);
        String shown = shownFile(draft, file);
        return show(draft, shown, draft.files().get(shown), null, model);
    }

    /** Each value checked against its parameter here, so that the reason stands at its field. */
    private static Map<String, String> fieldErrors(RuleSetDraft draft, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, RuleParameter> known = new LinkedHashMap<>();
        try {
            for (RuleDefinition rule : RuleCompiler.definitions(draft.files(), Map.of())) {
                rule.parameters().forEach(p -> known.put(rule.id() + "." + p.name(), p));
            }
        } catch (RuleCompilationException e) {
            return errors; // the service says the rules must be fixed first
        }
        values.forEach((key, value) -> {
            RuleParameter parameter = known.get(key);
            try {
                if (parameter != null) {
                    parameter.with(value);
                }
            } catch (IllegalArgumentException e) {
                errors.put(key, e.getMessage());
            }
        });
        return errors;
    }

    private String fileError(RuleSetDraft draft, String fileName, String message, Model model,
                             HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("newFileName", fileName);
        model.addAttribute("newFileError", message);
        String shown = shownFile(draft, null);
        return show(draft, shown, draft.files().get(shown), null, model);
    }

    private String show(RuleSetDraft draft, String file, String text, CheckResult check, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("files", new ArrayList<>(draft.files().keySet()));
        model.addAttribute("file", file);
        model.addAttribute("text", text == null ? "" : text);
        model.addAttribute("check", check);
        model.addAttribute("maxFileBytes", RuleSetArchive.MAX_ENTRY_BYTES);
        try {
            model.addAttribute("rules", RuleCompiler.definitions(draft.files(), draft.overrides()));
        } catch (RuleCompilationException e) {
            model.addAttribute("rules", List.of());
            model.addAttribute("parametersUnavailable", e.messages().get(0));
        }
        if (!model.containsAttribute("parameterInput")) {
            model.addAttribute("parameterInput", Map.of());
            model.addAttribute("parameterErrors", Map.of());
        }
        return "rules/editor";
    }

    private static String shownFile(RuleSetDraft draft, String file) {
        if (file != null && draft.files().containsKey(file)) {
            return file;
        }
        return draft.files().isEmpty() ? null : draft.files().keySet().iterator().next();
    }

    /** A new file's first lines: a package of its own (the confinement wants tmsp.rules.*) and the usual global. */
    static String skeleton(String fileName) {
        String name = fileName.substring(0, fileName.length() - ".drl".length()).replace('-', '_');
        if (name.isEmpty()) {
            return "";
        }
        return "package tmsp.rules." + (Character.isDigit(name.charAt(0)) ? "r" + name : name) + "\n\n"
                + "import tmsp.correlation.DetectionFact\n\n"
                + "global tmsp.correlation.RaisedIncidents incidents\n";
    }

    static String path(long id) {
        return PATH.replace("{id}", String.valueOf(id));
    }
}
