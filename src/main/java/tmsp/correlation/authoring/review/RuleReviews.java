package tmsp.correlation.authoring.review;

import static tmsp.correlation.authoring.review.PublicationProcess.AUTHOR;
import static tmsp.correlation.authoring.review.PublicationProcess.DRAFT_ID;
import static tmsp.correlation.authoring.review.PublicationProcess.LABEL;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;

/**
 * Submitting a draft for review starts {@code processes/rule-publication.bpmn}; what a review shows is the draft
 * against the published version.
 */
@Service
class RuleReviews {

    private final RuleDrafts drafts;
    private final RuleSetStore store;
    private final RuntimeService runtime;

    RuleReviews(RuleDrafts drafts, RuleSetStore store, RuntimeService runtime) {
        this.drafts = drafts;
        this.store = store;
        this.runtime = runtime;
    }

    /**
     * DRAFT to IN_REVIEW and the review process started, in one transaction: the process runs to its user task
     * here, and a draft that is refused (it does not compile, it is not a draft) takes the process start back with it.
     * @throws tmsp.correlation.RuleCompilationException when the draft does not compile
     * @throws tmsp.correlation.authoring.DraftNotEditable when it is not in DRAFT
     */
    @Transactional
    RuleSetDraft submit(long draftId, String actor, String comment) {
        RuleSetDraft draft = drafts.get(draftId);
        ProcessInstance review = runtime.startProcessInstanceByKey(PublicationProcess.KEY,
                PublicationProcess.businessKey(draftId),
                Map.of(DRAFT_ID, draftId, AUTHOR, draft.author(), LABEL, draft.label()));
        return drafts.submit(draftId, actor, comment, review.getId());
    }

    /** What changes if the draft is published: the draft against the version published now. */
    RuleSetDiff againstPublished(RuleSetDraft draft) {
        RuleSetDiff.Side published = store.published().map(RuleSetDiff.Side::of).orElse(RuleSetDiff.Side.EMPTY);
        return RuleSetDiff.between(published, RuleSetDiff.Side.of(draft));
    }

    /** The published version's label, e.g. {@code v4}, or null before the first. */
    String publishedLabel() {
        return store.published().map(RuleSetStore.StoredVersion::label).orElse(null);
    }
}
