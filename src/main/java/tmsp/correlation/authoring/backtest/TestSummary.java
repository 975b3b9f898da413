package tmsp.correlation.authoring.backtest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule test at a glance: what it ran over (an account's days, or pasted lines), where it is, and once done
 * the diff's counts (null before). What the review shows beside a draft.
 */
public record TestSummary(long testId, long draftId, Long accountId, LocalDate from, LocalDate to, Integer linesPasted,
                          TestStatus status, double progress, long detectionsRead, String requestedBy,
                          Instant createdAt, Instant startedAt, Instant finishedAt, String error, Integer added,
                          Integer removed, Integer changed, Integer unchanged) {

    /** The test's page. */
    public String url() {
        return "/rules/drafts/" + draftId + "/tests/" + testId;
    }

    public boolean pasted() {
        return accountId == null;
    }
}
