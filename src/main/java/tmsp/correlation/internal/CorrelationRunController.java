package tmsp.correlation.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.identity.CurrentUser;

/**
 * The account page's "Run correlation" button. Not under /accounts/**, where the web chain lets only
 * administrators post: analysts run correlations too.
 */
@Controller
class CorrelationRunController {

    private final CorrelationRequests requests;

    CorrelationRunController(CorrelationRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/correlation/accounts/{id}/runs")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    String run(@PathVariable Long id, @RequestParam(defaultValue = "") String day, RedirectAttributes redirect) {
        try {
            CorrelationRun run = requests.request(id, day, CurrentUser.name());
            redirect.addFlashAttribute("success", "correlation.run.queued");
            redirect.addFlashAttribute("flashArg", run.getDay().toString());
        } catch (RunRefused refused) {
            if (refused.getStatusCode().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.messageCode());
            redirect.addFlashAttribute("flashArg", refused.argument());
        }
        return "redirect:/accounts/" + id + "#correlation";
    }
}
