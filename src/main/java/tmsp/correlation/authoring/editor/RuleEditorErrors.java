package tmsp.correlation.authoring.editor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tmsp.correlation.authoring.DraftNotEditable;

/**
 * What the rule pages answer when a change is not possible: a draft in review or published (409), or input the
 * drafts refuse that no form catches (400), with the reason; as a page, or as the check fragment for htmx.
 */
@ControllerAdvice(assignableTypes = {RuleSetsController.class, RuleEditorController.class})
class RuleEditorErrors {

    @ExceptionHandler(DraftNotEditable.class)
    String notEditable(DraftNotEditable e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return refused(HttpServletResponse.SC_CONFLICT, e.getMessage(), request, response, model);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    String badInput(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        return refused(HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), request, response, model);
    }

    private static String refused(int status, String reason, HttpServletRequest request, HttpServletResponse response,
                                  Model model) {
        response.setStatus(status);
        model.addAttribute("saveError", reason);
        model.addAttribute("status", status);
        String uri = request.getRequestURI();
        model.addAttribute("back", uri.matches("/rules/drafts/\\d+.*") ? uri.replaceFirst("^(/rules/drafts/\\d+).*", "$1")
                : RuleSetsController.PATH);
        return request.getHeader("HX-Request") != null ? "rules/editor :: check-result" : "rules/refused";
    }
}
