package tmsp.correlation.authoring.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.incident.IncidentFinding;

/**
 * Reads detections once and runs them through two sessions, the published rules' and the draft's, each on a
 * thread of its own: rules cost most of a run, and the two sides share nothing but the (immutable) facts. Blocks
 * of facts pass through a short queue per side, so memory holds a few blocks, never the range. The calling
 * thread waits and ticks about once a second (progress, a cancel requested elsewhere). An error on any thread
 * stops the others between blocks; a cancel stops the sides at the next detection.
 */
final class TwinCorrelation {

    static final int BLOCK = 2_000;
    static final int BLOCKS_QUEUED = 8;
    static final long TICK_MS = 1_000;
    private static final long WAIT_MS = 100;
    private static final List<DetectionFact> END = List.of();

    /** What both sides found, and how many detections were read. */
    record Outcome(long read, List<IncidentFinding> published, List<IncidentFinding> draft) {
    }

    /** Thrown when the test was cancelled. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final TestProgress progress;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final BlockingQueue<List<DetectionFact>> toPublished = new ArrayBlockingQueue<>(BLOCKS_QUEUED);
    private final BlockingQueue<List<DetectionFact>> toDraft = new ArrayBlockingQueue<>(BLOCKS_QUEUED);

    private TwinCorrelation(TestProgress progress) {
        this.progress = progress;
    }

    /**
     * @param reader hands every detection, in event-time order, to the consumer it is given; returns the count
     * @param tick   called on the calling thread about every {@link #TICK_MS} while the threads work
     * @throws Cancelled when {@code progress} was cancelled before the end
     */
    static Outcome run(ToLongFunction<Consumer<DetectionFact>> reader, CorrelationSession published,
                       CorrelationSession draft, TestProgress progress, Runnable tick) {
        return new TwinCorrelation(progress).run(reader, published, draft, tick);
    }

    private Outcome run(ToLongFunction<Consumer<DetectionFact>> reader, CorrelationSession published,
                        CorrelationSession draft, Runnable tick) {
        String name = Thread.currentThread().getName();
        long[] count = {0};
        Thread reading = start(name + "-read", () -> count[0] = read(reader));
        List<List<IncidentFinding>> found = new ArrayList<>(List.of(List.of(), List.of()));
        Thread publishedSide = start(name + "-published",
                () -> found.set(0, correlate(toPublished, published, progress.published())));
        Thread draftSide = start(name + "-draft", () -> found.set(1, correlate(toDraft, draft, progress.draft())));
        try {
            long nextTick = System.currentTimeMillis() + TICK_MS;
            for (Thread thread : List.of(reading, publishedSide, draftSide)) {
                while (thread.isAlive()) {
                    long wait = nextTick - System.currentTimeMillis();
                    if (wait > 0) {
                        thread.join(wait);
                    } else {
                        tick.run();
                        nextTick = System.currentTimeMillis() + TICK_MS;
                    }
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            // The executor is shutting down, or the tick failed: stop the threads before going.
            progress.cancel();
            interruptAndJoin(reading, publishedSide, draftSide);
            if (e instanceof RuntimeException failed) {
                throw failed;
            }
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
        Throwable failed = failure.get();
        if (failed instanceof Cancelled || failed == null && progress.cancelled()) {
            throw new Cancelled();
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
        return new Outcome(count[0], found.get(0), found.get(1));
    }

    private long read(ToLongFunction<Consumer<DetectionFact>> reader) {
        List<DetectionFact>[] block = new List[] {new ArrayList<>(BLOCK)};
        long read = reader.applyAsLong(fact -> {
            block[0].add(fact);
            if (block[0].size() == BLOCK) {
                hand(block[0]);
                block[0] = new ArrayList<>(BLOCK);
            }
        });
        if (!block[0].isEmpty()) {
            hand(block[0]);
        }
        hand(END);
        return read;
    }

    /** Puts a block on both queues, waiting for room; gives up when the test stops. */
    private void hand(List<DetectionFact> block) {
        stopIfDue();
        offer(toPublished, block);
        offer(toDraft, block);
        progress.read(block.size());
    }

    private void offer(BlockingQueue<List<DetectionFact>> queue, List<DetectionFact> block) {
        try {
            while (!queue.offer(block, WAIT_MS, TimeUnit.MILLISECONDS)) {
                stopIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private List<IncidentFinding> correlate(BlockingQueue<List<DetectionFact>> queue, CorrelationSession session,
                                            TestProgress.Side side) {
        try {
            for (List<DetectionFact> block = next(queue); block != END; block = next(queue)) {
                for (DetectionFact fact : block) {
                    if (progress.cancelled()) { // per detection: a draft's slow rule must not delay a cancel by a block
                        throw new Cancelled();
                    }
                    session.insert(fact);
                    side.advance(1, fact.getTimestamp());
                }
            }
            return session.findings();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private List<DetectionFact> next(BlockingQueue<List<DetectionFact>> queue) throws InterruptedException {
        while (true) {
            stopIfDue();
            List<DetectionFact> block = queue.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            if (block != null) {
                return block;
            }
        }
    }

    private void stopIfDue() {
        if (progress.cancelled()) {
            throw new Cancelled();
        }
        if (failure.get() != null) {
            throw new Cancelled(); // another thread failed: its error is the one reported
        }
    }

    private Thread start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void interruptAndJoin(Thread... threads) {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
