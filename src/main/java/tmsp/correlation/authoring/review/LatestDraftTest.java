package tmsp.correlation.authoring.review;

import org.springframework.stereotype.Component;
import tmsp.correlation.authoring.backtest.DraftTests;
import tmsp.correlation.authoring.backtest.TestSummary;

/**
 * A draft's latest test result for the submit page and the review task, which show it with the tests' own fragment
 * ({@code rules/tests :: summary(test)}), or "no test yet".
 */
@Component
class LatestDraftTest {

    private final DraftTests tests;

    LatestDraftTest(DraftTests tests) {
        this.tests = tests;
    }

    /** The draft's latest test, whatever its status, or null when it has none. */
    TestSummary of(long draftId) {
        return tests.latest(draftId).orElse(null);
    }
}
