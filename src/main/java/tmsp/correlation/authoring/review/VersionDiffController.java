package tmsp.correlation.authoring.review;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * {@code /rules/versions/{id}/diff?against={otherId}}: what changed from one version (by default the one it was
 * made from) to another; a version made from nothing (the first) is compared with an empty rule set.
 */
@Controller
class VersionDiffController {

    private final RuleDrafts drafts;

    VersionDiffController(RuleDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/rules/versions/{id}/diff")
    String diff(@PathVariable long id, @RequestParam(required = false) Long against, Model model) {
        RuleSetDraft version = drafts.get(id);
        Long otherId = against != null ? against : version.baseVersionId();
        RuleSetDraft other = otherId == null ? null : drafts.get(otherId);
        model.addAttribute("version", version);
        model.addAttribute("other", other);
        model.addAttribute("diff", RuleSetDiff.between(
                other == null ? RuleSetDiff.Side.EMPTY : RuleSetDiff.Side.of(other), RuleSetDiff.Side.of(version)));
        model.addAttribute("versions", drafts.versions());
        return "rules/diff";
    }
}
