package tmsp.correlation.authoring.review;

import static tmsp.correlation.authoring.review.PublicationProcess.DRAFT_ID;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEWER;
import static tmsp.correlation.authoring.review.PublicationProcess.REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * Service task "Publish" of rule-publication: the approved draft is compiled, published and swapped in
 * ({@link RuleDrafts#approve}). A draft that no longer compiles fails the job, is retried, then is an incident:
 * it stays in review, unpublished.
 */
@Component("publishRuleDraftTask")
class PublishDraftTask implements JavaDelegate {

    private final RuleDrafts drafts;

    PublishDraftTask(RuleDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long draftId = ((Number) execution.getVariable(DRAFT_ID)).longValue();
        // Idempotent: a job that runs again after this review published the draft has nothing left to do.
        RuleSetDraft draft = drafts.get(draftId);
        if (draft.number() != null && execution.getProcessInstanceId().equals(draft.reviewProcessId())) {
            return;
        }
        drafts.approve(draftId, (String) execution.getVariable(REVIEWER), (String) execution.getVariable(REVIEW_COMMENT));
    }
}
