package tmsp.correlation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleCompiler;
import tmsp.correlation.RuleDefinition;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.DraftNotEditable;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.identity.CurrentUser;

/**
 * A draft's rule exceptions: listed by rule, added (with a preview of the last 30 days' incidents the new one
 * would have suppressed) and removed while the draft is editable. ANALYST edits, ADMIN reads; the URL security
 * rules for {@code /rules/**} keep CUSTOMER out and writes to ANALYST.
 */
@Controller
@RequestMapping("/rules/drafts/{id}/exceptions")
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class RuleExceptionsController {

    /** The add form as sent, shown back unchanged when it is refused. */
    record ExceptionForm(String ruleId, String kind, String pattern, String until, String comment) {

        static ExceptionForm empty() {
            return new ExceptionForm(null, RuleException.Kind.HOST.name(), null, null, null);
        }

        /** The exception it describes, checked by {@link RuleException} itself. */
        RuleException exception() {
            RuleException.Kind k;
            try {
                k = kind == null || kind.isBlank() ? null : RuleException.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("An exception is for a host, an address, a CIDR range or a threat name");
            }
            LocalDate last;
            try {
                last = until == null || until.isBlank() ? null : LocalDate.parse(until.trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("The last day is a date such as 2026-12-31");
            }
            return new RuleException(null, ruleId == null ? null : ruleId.trim(), k, pattern, last, comment, null);
        }
    }

    private final RuleDrafts drafts;
    private final ExceptionPreview preview;

    RuleExceptionsController(RuleDrafts drafts, ExceptionPreview preview) {
        this.drafts = drafts;
        this.preview = preview;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        return show(drafts.get(id), ExceptionForm.empty(), null, model);
    }

    @PostMapping
    String add(@PathVariable long id, ExceptionForm form, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        RuleSetDraft draft = drafts.get(id);
        try {
            drafts.addException(id, form.exception(), CurrentUser.name());
        } catch (IllegalArgumentException | DraftNotEditable e) {
            response.setStatus(e instanceof DraftNotEditable ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            return show(drafts.get(draft.id()), form, e.getMessage(), model);
        }
        redirect.addFlashAttribute("success", "ruleexceptions.added");
        redirect.addFlashAttribute("flashArg", form.ruleId());
        return "redirect:/rules/drafts/" + id + "/exceptions";
    }

    @PostMapping("/{exceptionId}/delete")
    String remove(@PathVariable long id, @PathVariable long exceptionId, RedirectAttributes redirect) {
        try {
            drafts.removeException(id, exceptionId, CurrentUser.name());
            redirect.addFlashAttribute("success", "ruleexceptions.removed");
        } catch (IllegalArgumentException | DraftNotEditable e) {
            redirect.addFlashAttribute("error", "ruleexceptions.notRemoved");
        }
        redirect.addFlashAttribute("flashArg", "#" + exceptionId);
        return "redirect:/rules/drafts/" + id + "/exceptions";
    }

    /** htmx: the preview of the exception being added, or why it cannot be previewed. */
    @PostMapping("/preview")
    String preview(@PathVariable long id, ExceptionForm form, Model model) {
        drafts.get(id); // 404 for a draft that does not exist
        try {
            model.addAttribute("preview", preview.of(form.exception(), Instant.now()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("previewError", e.getMessage());
        }
        model.addAttribute("days", ExceptionPreview.DAYS);
        return "rules/exceptions-preview :: preview";
    }

    private String show(RuleSetDraft draft, ExceptionForm form, String formError, Model model) {
        Map<String, List<RuleException>> byRule = new TreeMap<>();
        draft.exceptions().forEach(e -> byRule.computeIfAbsent(e.ruleId(), r -> new java.util.ArrayList<>()).add(e));
        List<String> ruleIds;
        try {
            ruleIds = RuleCompiler.definitions(draft.files(), draft.overrides()).stream().map(RuleDefinition::id)
                    .sorted().toList();
        } catch (RuleCompilationException e) {
            ruleIds = List.of();
            model.addAttribute("rulesBroken", true);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("byRule", byRule);
        model.addAttribute("ruleIds", ruleIds);
        model.addAttribute("kinds", RuleException.Kind.values());
        model.addAttribute("form", form);
        model.addAttribute("formError", formError);
        model.addAttribute("days", ExceptionPreview.DAYS);
        return "rules/exceptions";
    }
}
