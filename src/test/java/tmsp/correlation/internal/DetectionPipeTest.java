package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

/** Reading on one thread, rules on the caller's: order, counts and failures on either side. */
class DetectionPipeTest {

    static StoredDetection detection(long id) {
        return new StoredDetection(id, 1, 1, Instant.EPOCH.plusSeconds(id), Severity.LOW, "e", null, null, null,
                null, null, null, "pc-" + id % 7, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, 1, null);
    }

    @Test
    void everyFactArrivesInTheOrderReadOnTheCallersThread() {
        int n = DetectionPipe.BLOCK * (DetectionPipe.BLOCKS_QUEUED + 3) + 17; // more than the queue holds
        List<Long> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        long count = DetectionPipe.run(each -> {
            assertThat(Thread.currentThread()).isNotSameAs(caller);
            for (long id = 1; id <= n; id++) {
                each.accept(detection(id));
            }
            return n;
        }, fact -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(fact.getId());
        });
        assertThat(count).isEqualTo(n);
        assertThat(seen).hasSize(n).isSorted().startsWith(1L).endsWith((long) n);
    }

    @Test
    void aReadingFailureReachesTheCaller() {
        assertThatThrownBy(() -> DetectionPipe.run(each -> {
            each.accept(detection(1));
            throw new IllegalStateException("the database went away");
        }, fact -> { })).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
    }

    @Test
    void aRulesFailureStopsTheReader() {
        AtomicLong read = new AtomicLong();
        AtomicBoolean readerStopped = new AtomicBoolean();
        assertThatThrownBy(() -> DetectionPipe.run(each -> {
            try {
                for (long id = 1; id <= 10_000_000; id++) {
                    each.accept(detection(id));
                    read.incrementAndGet();
                }
            } catch (IllegalStateException stopped) {
                readerStopped.set(true);
                throw stopped;
            }
            return read.get();
        }, fact -> {
            if (fact.getId() == 5) {
                throw new IllegalArgumentException("a rule loops");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("a rule loops");
        assertThat(readerStopped).isTrue();
        assertThat(read.get()).as("the reader stopped long before the end")
                .isLessThan((long) DetectionPipe.BLOCK * (DetectionPipe.BLOCKS_QUEUED + 2));
    }

    @Test
    void nothingToReadIsNoFact() {
        assertThat(DetectionPipe.run(each -> 0, fact -> {
            throw new AssertionError("no fact expected: " + fact);
        })).isZero();
    }
}
