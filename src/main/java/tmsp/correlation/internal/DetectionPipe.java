package tmsp.correlation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.FactStrings;
import tmsp.ingest.StoredDetection;

/**
 * Reads detections on a thread of its own while the caller's thread runs the rules: reading, mapping and making
 * facts take about a fifth of a run, and the machine has another core. Facts pass in blocks through a short
 * queue, so memory holds a few blocks, never the day. An error on either side stops both and is thrown to the
 * caller.
 */
final class DetectionPipe {

    static final int BLOCK = 2_000;
    static final int BLOCKS_QUEUED = 8;

    private static final List<DetectionFact> END = List.of();

    private DetectionPipe() {
    }

    /**
     * Reads into a session: what a run and the warm-up both call, so that the JIT, which compiles the rules' side
     * of the pipe for the one insert it has seen, sees the same one in both.
     */
    static long run(ToLongFunction<Consumer<StoredDetection>> reader, CorrelationSession session) {
        return run(reader, session::insert);
    }

    /**
     * @param reader hands every detection to the consumer it is given (on the reading thread), returns the count
     * @param rules  takes each fact, in the order read, on the calling thread
     * @return the count the reader returned
     */
    static long run(ToLongFunction<Consumer<StoredDetection>> reader, Consumer<DetectionFact> rules) {
        BlockingQueue<List<DetectionFact>> queue = new ArrayBlockingQueue<>(BLOCKS_QUEUED);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        long[] count = {0};
        Thread reading = new Thread(() -> {
            try {
                List<DetectionFact>[] block = new List[] {new ArrayList<>(BLOCK)};
                FactStrings strings = new FactStrings();
                count[0] = reader.applyAsLong(d -> {
                    block[0].add(DetectionFact.of(d, strings));
                    if (block[0].size() == BLOCK) {
                        put(queue, block[0]);
                        block[0] = new ArrayList<>(BLOCK);
                    }
                });
                if (!block[0].isEmpty()) {
                    put(queue, block[0]);
                }
                put(queue, END);
            } catch (Throwable e) {
                readFailure.set(e);
                queue.clear(); // what was read is lost anyway: make room for the end mark
                queue.offer(END);
            }
        }, Thread.currentThread().getName() + "-reader");
        reading.setDaemon(true);
        reading.start();
        try {
            for (List<DetectionFact> block = take(queue); block != END; block = take(queue)) {
                for (int i = 0; i < block.size(); i++) { // not forEach: a call site of the pipe's own
                    rules.accept(block.get(i));
                }
            }
        } catch (RuntimeException | Error e) {
            reading.interrupt();
            join(reading);
            throw e;
        }
        join(reading);
        Throwable failure = readFailure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("Reading detections failed: " + failure.getMessage(), failure);
        }
        return count[0];
    }

    private static void put(BlockingQueue<List<DetectionFact>> queue, List<DetectionFact> block) {
        try {
            queue.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reading detections was stopped: the rules side failed", e);
        }
    }

    private static List<DetectionFact> take(BlockingQueue<List<DetectionFact>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while correlating", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
