package tmsp.correlation.authoring.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rule test as the API shows it: what it runs over, where it is ({@code progress} 0 to 1), and once done the
 * counts of added, removed, changed and unchanged incidents with the first items of each and their evidence.
 */
record TestJson(long testId, long draftId, Long accountId, LocalDate from, LocalDate to, Integer linesPasted,
                TestStatus status, double progress, long detectionsRead, String requestedBy, Instant createdAt,
                Instant startedAt, Instant finishedAt, String error, String publishedVersion, String draftVersion,
                Integer added, Integer removed, Integer changed, Integer unchanged, Items items) {

    /** The listed incidents (at most {@link IncidentDiff#MAX_ITEMS} of each kind). */
    record Items(List<TestIncident> added, List<TestIncident> removed, List<ChangedIncident> changed) {
    }

    static TestJson of(DraftTests.TestView view) {
        TestSummary s = view.summary();
        TestResult r = view.result();
        IncidentDiff d = r == null ? null : r.diff();
        return new TestJson(s.testId(), s.draftId(), s.accountId(), s.from(), s.to(), s.linesPasted(), s.status(),
                s.progress(), s.detectionsRead(), s.requestedBy(), s.createdAt(), s.startedAt(), s.finishedAt(),
                s.error(), r == null ? null : r.publishedVersion(), r == null ? null : r.draftVersion(),
                s.added(), s.removed(), s.changed(), s.unchanged(),
                d == null ? null : new Items(d.added(), d.removed(), d.changed()));
    }

    static TestJson of(TestSummary summary) {
        return of(new DraftTests.TestView(summary, null));
    }
}
