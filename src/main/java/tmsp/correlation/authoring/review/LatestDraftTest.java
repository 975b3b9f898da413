package tmsp.correlation.authoring.review;

import org.springframework.stereotype.Component;

/**
 * The slot for a draft's latest test result in the submit page and the review task. The tests of drafts are built
 * apart (the backtest work: {@code DraftTests.latest(draftId)} and its fragment {@code rules/tests :: summary(test)});
 * until they are wired in here, every draft shows "no test yet".
 *
 * <p>HOOK: inject {@code DraftTests} and answer {@code draftTests.latest(draftId)} (unwrapped to null when empty).
 * The templates ({@code rules/review-parts :: latest-test}) render {@code rules/tests :: summary(test)} for a
 * non-null result, and "no test yet" otherwise.
 */
@Component
class LatestDraftTest {

    /** The draft's latest test result, or null when it has none (or tests are not available). */
    Object of(long draftId) {
        return null;
    }
}
