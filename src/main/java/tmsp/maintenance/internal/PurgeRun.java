package tmsp.maintenance.internal;

import java.time.Instant;
import java.util.List;

/** One purge run as the page shows it, with what it did to each kind so far. */
record PurgeRun(long id, String trigger, String startedBy, Instant startedAt, Instant finishedAt, String status,
                List<KindResult> kinds) {

    static final String RUNNING = "RUNNING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";
    /** Cut short by a crash or a stop of its node. */
    static final String INTERRUPTED = "INTERRUPTED";

    /** What one kind lost in a run: {@code removed} null and {@code error} set when it failed. */
    record KindResult(String kind, int retentionDays, Instant cutoff, Long removed, String error, Instant finishedAt) {
        public boolean failed() {
            return error != null;
        }
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    public long removed() {
        return kinds.stream().filter(k -> k.removed() != null).mapToLong(KindResult::removed).sum();
    }
}
