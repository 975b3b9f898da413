package tmsp.correlation.authoring.sigma;

import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rules › Sigma field mapping: list, add, change and remove mappings. ANALYST edits; ADMIN reads (SecurityConfig). */
@Controller
@RequestMapping("/rules/sigma-mapping")
class SigmaMappingController {

    private final SigmaFieldMappings mappings;

    SigmaMappingController(SigmaFieldMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", "", "", null);
    }

    @PostMapping
    @PreAuthorize("hasRole('ANALYST')")
    String save(@RequestParam(defaultValue = "") String sigmaField, @RequestParam(defaultValue = "") String detectionField,
                @RequestParam(defaultValue = "") String note, Principal principal, Model model,
                RedirectAttributes redirect) {
        boolean added;
        try {
            added = mappings.save(sigmaField, detectionField, note, principal.getName());
        } catch (IllegalArgumentException e) {
            return page(model, sigmaField, detectionField, note, e.getMessage());
        }
        redirect.addFlashAttribute("success", added ? "sigma.mapping.added" : "sigma.mapping.changed");
        redirect.addFlashAttribute("flashArg", sigmaField.strip());
        return "redirect:/rules/sigma-mapping";
    }

    @PostMapping("/remove")
    @PreAuthorize("hasRole('ANALYST')")
    String remove(@RequestParam String sigmaField, Principal principal, RedirectAttributes redirect) {
        boolean removed = mappings.remove(sigmaField, principal.getName());
        redirect.addFlashAttribute(removed ? "success" : "error", removed ? "sigma.mapping.removed"
                : "sigma.mapping.gone");
        redirect.addFlashAttribute("flashArg", sigmaField);
        return "redirect:/rules/sigma-mapping";
    }

    private String page(Model model, String sigmaField, String detectionField, String note, String error) {
        model.addAttribute("mappings", mappings.all());
        model.addAttribute("properties", DetectionFields.all());
        model.addAttribute("sigmaField", sigmaField);
        model.addAttribute("detectionField", detectionField);
        model.addAttribute("note", note);
        model.addAttribute("formError", error);
        return "correlation/sigma-mapping";
    }
}
