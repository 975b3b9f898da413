package tmsp.correlation.authoring.review;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleProblem;
import tmsp.correlation.authoring.DraftNotEditable;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.identity.CurrentUser;

/**
 * {@code /rules/drafts/{id}/review}: the draft against the published version, its latest test result, and
 * *Submit for review* (analysts; the URL security lets administrators read only). A draft that does not compile is
 * refused with its problems.
 */
@Controller
@RequestMapping("/rules/drafts/{id}/review")
class ReviewController {

    private final RuleDrafts drafts;
    private final RuleReviews reviews;

    ReviewController(RuleDrafts drafts, RuleReviews reviews) {
        this.drafts = drafts;
        this.reviews = reviews;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page(drafts.get(id), "", List.of(), null, model);
    }

    @PostMapping
    String submit(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Model model,
                  RedirectAttributes redirect) {
        if (comment.strip().length() > ReviewForm.MAX_COMMENT) {
            return page(drafts.get(id), comment, List.of(), "rulereview.comment.tooLong", model);
        }
        try {
            RuleSetDraft submitted = reviews.submit(id, CurrentUser.name(), comment);
            redirect.addFlashAttribute("success", "rulereview.submitted");
            redirect.addFlashAttribute("flashArg", submitted.label());
            return "redirect:/rules/drafts/" + id + "/review";
        } catch (RuleCompilationException broken) {
            return page(drafts.get(id), comment, broken.problems(), "rulereview.submit.doesNotCompile", model);
        } catch (DraftNotEditable notADraft) {
            return page(drafts.get(id), comment, List.of(), "rulereview.submit.notDraft", model);
        }
    }

    private String page(RuleSetDraft draft, String comment, List<RuleProblem> problems, String error, Model model) {
        model.addAllAttributes(reviews.show(draft));
        model.addAttribute("comment", comment);
        model.addAttribute("problems", problems);
        model.addAttribute("submitError", error);
        return "rules/review";
    }
}
