package tmsp.correlation.authoring.review;

import static tmsp.correlation.authoring.review.PublicationProcess.DRAFT_ID;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEWER;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;

/** Service task "Return to author" of rule-publication: the draft goes back to DRAFT with the reviewer's comment. */
@Component("returnRuleDraftTask")
class ReturnDraftTask implements JavaDelegate {

    private final RuleDrafts drafts;

    ReturnDraftTask(RuleDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long draftId = ((Number) execution.getVariable(DRAFT_ID)).longValue();
        // Idempotent: a job that runs again after this review returned the draft has nothing left to do.
        RuleSetDraft draft = drafts.get(draftId);
        if (draft.editable() && execution.getProcessInstanceId().equals(draft.reviewProcessId())) {
            return;
        }
        drafts.reject(draftId, (String) execution.getVariable(REVIEWER), (String) execution.getVariable(REVIEW_COMMENT));
    }
}
