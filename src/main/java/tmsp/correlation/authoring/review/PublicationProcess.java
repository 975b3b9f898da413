package tmsp.correlation.authoring.review;

/**
 * The names of {@code processes/rule-publication.bpmn}, shared by the starter, the task form, the delegates and the
 * process tests. Variables are primitives.
 */
final class PublicationProcess {

    static final String KEY = "rule-publication";
    static final String REVIEW_TASK = "review";
    static final String REVIEW_FORM = "rule-publication:review";
    static final String PUBLISH_TASK = "publish";
    static final String RETURN_TASK = "return-to-author";
    static final String PUBLISHED_END = "published";
    static final String RETURNED_END = "returned";

    /** The draft under review (long). */
    static final String DRAFT_ID = "draftId";
    /** The draft's author, who may not review it. */
    static final String AUTHOR = "author";
    /** The draft's label when submitted ({@code draft #12}), for the task's name. */
    static final String LABEL = "label";
    /** Set by the review task: whether the reviewer approved (boolean). */
    static final String APPROVED = "approved";
    /** Set by the review task: who reviewed. */
    static final String REVIEWER = "reviewer";
    /** Set by the review task: the reviewer's comment, or an empty string. */
    static final String REVIEW_COMMENT = "reviewComment";

    private static final String BUSINESS_KEY_PREFIX = "rule-set:";

    private PublicationProcess() {
    }

    static String businessKey(long draftId) {
        return BUSINESS_KEY_PREFIX + draftId;
    }
}
