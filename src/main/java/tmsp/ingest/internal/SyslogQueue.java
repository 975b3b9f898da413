package tmsp.ingest.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Holds received syslog messages until the writer stores them, up to a bound. A TCP listener waits when it
 * is full, which slows the sender through TCP's own flow control; UDP has no such thing, so a datagram that
 * finds it full is counted as dropped and reported.
 */
@Component
class SyslogQueue {

    private final BlockingQueue<SyslogMessage> messages;
    private final AtomicLong dropped = new AtomicLong();

    SyslogQueue(SyslogProperties properties) {
        this.messages = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    void put(SyslogMessage message) throws InterruptedException {
        messages.put(message);
    }

    /** @return false, counted as dropped, when the queue is full */
    boolean offer(SyslogMessage message) {
        if (messages.offer(message)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /**
     * Waits up to {@code firstWait} for a message, then gathers more for up to {@code linger} (fewer, larger
     * transactions under load), at most {@code max} in all.
     */
    int drainTo(List<SyslogMessage> batch, int max, Duration firstWait, Duration linger) throws InterruptedException {
        SyslogMessage first = messages.poll(firstWait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        long until = System.nanoTime() + linger.toNanos();
        while (batch.size() < max) {
            messages.drainTo(batch, max - batch.size());
            long left = until - System.nanoTime();
            if (batch.size() >= max || left <= 0) {
                break;
            }
            SyslogMessage next = messages.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
        return batch.size();
    }

    int size() {
        return messages.size();
    }

    long dropped() {
        return dropped.get();
    }
}
