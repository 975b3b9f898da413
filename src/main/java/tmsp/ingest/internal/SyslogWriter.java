package tmsp.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;

/**
 * The one thread that moves queued syslog messages into the database, a batch per transaction. A batch that
 * fails is retried with growing pauses (the queue fills meanwhile and TCP senders are slowed); it is never
 * dropped while the portal runs. On shutdown it stores what is still queued once the listeners have stopped.
 */
@Component
class SyslogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyslogWriter.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final SyslogQueue queue;
    private final SyslogStore store;
    private final SyslogProperties properties;
    private volatile boolean running;
    private Thread thread;

    SyslogWriter(SyslogQueue queue, SyslogStore store, SyslogProperties properties) {
        this.queue = queue;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "syslog-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queue.size() > 0) {
            log.error("{} syslog messages could not be stored before shutdown", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops late, after Camel's listeners and the web server: what they queued is still stored. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void run() {
        List<SyslogMessage> batch = new ArrayList<>(properties.batchSize());
        while (running || queue.size() > 0) {
            batch.clear();
            try {
                queue.drainTo(batch, properties.batchSize(), IDLE_WAIT, properties.flushInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!batch.isEmpty()) {
                storePatiently(batch);
            }
        }
    }

    /**
     * Retries while the database is unreachable. A batch the database refuses for what is in it is halved until
     * the one message it refuses is found; that one is quarantined with the database's reason.
     */
    private void storePatiently(List<SyslogMessage> batch) {
        Duration pause = Duration.ofMillis(250);
        for (int attempt = 1; ; attempt++) {
            try {
                store.store(batch);
                return;
            } catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException e) {
                if (!running && attempt >= 3) {
                    log.error("Shutting down: {} syslog messages could not be stored: {}", batch.size(), e.getMessage());
                    return;
                }
                log.warn("Storing {} syslog messages failed (attempt {}), retrying in {} ms: {}", batch.size(),
                        attempt, pause.toMillis(), e.getMessage());
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException refused) {
                isolate(batch, refused);
                return;
            }
        }
    }

    private void isolate(List<SyslogMessage> batch, RuntimeException refused) {
        if (batch.size() > 1) {
            storePatiently(new ArrayList<>(batch.subList(0, batch.size() / 2)));
            storePatiently(new ArrayList<>(batch.subList(batch.size() / 2, batch.size())));
            return;
        }
        try {
            store.quarantineRefused(batch.get(0), refused.getMessage());
        } catch (RuntimeException e) {
            log.error("A syslog message from {} could not be stored or quarantined ({}); it was: {}",
                    batch.get(0).sourceAddress(), e.getMessage(), batch.get(0).text(), refused);
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
