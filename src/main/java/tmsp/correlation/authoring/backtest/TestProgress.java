package tmsp.correlation.authoring.backtest;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running test is, shared by its threads: detections read, and per side the detections done and the
 * event time reached. The fraction done is the slower side's: over stored detections the event time reached
 * within the span read (so a day range shows its days passing), over pasted lines the detections done of all.
 * Cancel is a flag the threads look at between blocks of detections.
 */
final class TestProgress {

    private final long spanStart;
    private final long spanEnd;
    private final long total;
    private final AtomicLong read = new AtomicLong();
    private final Side published = new Side();
    private final Side draft = new Side();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** One side's detections done and the event time (epoch ms) of the last one. */
    static final class Side {
        private final AtomicLong done = new AtomicLong();
        private volatile long reached = Long.MIN_VALUE;

        void advance(long count, long timestamp) {
            done.addAndGet(count);
            reached = timestamp;
        }

        long done() {
            return done.get();
        }
    }

    private TestProgress(long spanStart, long spanEnd, long total) {
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.total = total;
    }

    /** Over stored detections of {@code [spanStart, spanEnd)} (epoch ms), however many there are. */
    static TestProgress overSpan(long spanStart, long spanEnd) {
        return new TestProgress(spanStart, spanEnd, -1);
    }

    /** Over a known number of detections (pasted lines). */
    static TestProgress overCount(long total) {
        return new TestProgress(0, 0, total);
    }

    Side published() {
        return published;
    }

    Side draft() {
        return draft;
    }

    void read(long count) {
        read.addAndGet(count);
    }

    long detectionsRead() {
        return read.get();
    }

    /** 0 to 1: what the slower side has done. */
    double fraction() {
        if (total >= 0) {
            return total == 0 ? 1 : Math.min(1, (double) Math.min(published.done(), draft.done()) / total);
        }
        long reached = Math.min(published.reached, draft.reached);
        if (reached == Long.MIN_VALUE || spanEnd <= spanStart) {
            return 0;
        }
        return Math.max(0, Math.min(1, (double) (reached - spanStart) / (spanEnd - spanStart)));
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean cancelled() {
        return cancelled.get();
    }
}
