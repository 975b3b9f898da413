package tmsp.correlation.authoring.review;

import static tmsp.correlation.authoring.review.PublicationProcess.APPROVED;
import static tmsp.correlation.authoring.review.PublicationProcess.AUTHOR;
import static tmsp.correlation.authoring.review.PublicationProcess.DRAFT_ID;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEWER;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEW_COMMENT;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * The review task of rule-publication: the draft with its diff against the published version and its latest test
 * result; the reviewer approves, or rejects saying why. Its author never completes it (four eyes), which
 * {@link RuleDrafts} enforces again when the process publishes or returns the draft.
 */
@Component
class ReviewForm implements TaskForm {

    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    static final int MAX_COMMENT = 2000;

    private final RuleDrafts drafts;
    private final RuleReviews reviews;

    ReviewForm(RuleDrafts drafts, RuleReviews reviews) {
        this.drafts = drafts;
        this.reviews = reviews;
    }

    @Override
    public String formKey() {
        return PublicationProcess.REVIEW_FORM;
    }

    @Override
    public String fragment() {
        return "rules/review-task :: review";
    }

    @Override
    public Map<String, Object> model(OpenTask task) {
        return reviews.show(drafts.get(draftOf(task)));
    }

    @Override
    public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
        String decision = fields.getOrDefault(DECISION, "").strip();
        String comment = fields.getOrDefault(COMMENT, "").strip();
        if (user.equals(task.variables().get(AUTHOR))) {
            return TaskCompletion.invalid(DECISION, "rulereview.fourEyes");
        }
        if (!decision.equals("approve") && !decision.equals("reject")) {
            return TaskCompletion.invalid(DECISION, "rulereview.decision.required");
        }
        if (decision.equals("reject") && comment.isEmpty()) {
            return TaskCompletion.invalid(COMMENT, "rulereview.comment.required");
        }
        if (comment.length() > MAX_COMMENT) {
            return TaskCompletion.invalid(COMMENT, "rulereview.comment.tooLong");
        }
        return TaskCompletion.complete(Map.of(APPROVED, decision.equals("approve"), REVIEWER, user,
                REVIEW_COMMENT, comment));
    }

    private static long draftOf(OpenTask task) {
        return ((Number) task.variables().get(DRAFT_ID)).longValue();
    }
}
