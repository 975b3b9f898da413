package tmsp.correlation.authoring.review;

import static tmsp.correlation.authoring.review.PublicationProcess.AUTHOR;
import static tmsp.correlation.authoring.review.PublicationProcess.DRAFT_ID;
import static tmsp.correlation.authoring.review.PublicationProcess.LABEL;

import java.util.HashMap;
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
    private final LatestDraftTest tests;

    RuleReviews(RuleDrafts drafts, RuleSetStore store, RuntimeService runtime, LatestDraftTest tests) {
        this.drafts = drafts;
        this.store = store;
        this.runtime = runtime;
        this.tests = tests;
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

    /**
     * What a review shows of a draft: the draft, what changes if it is published (against the version published
     * now, {@code publishedLabel}, null before the first) and its latest test result ({@code latestTest}, or null).
     */
    Map<String, Object> show(RuleSetDraft draft) {
        RuleSetStore.StoredVersion published = store.published().orElse(null);
        Map<String, Object> shown = new HashMap<>();
        shown.put("draft", draft);
        shown.put("publishedLabel", published == null ? null : published.label());
        shown.put("diff", RuleSetDiff.between(published == null ? RuleSetDiff.Side.EMPTY : RuleSetDiff.Side.of(published),
                RuleSetDiff.Side.of(draft)));
        shown.put("latestTest", tests.of(draft.id()));
        return shown;
    }
}
