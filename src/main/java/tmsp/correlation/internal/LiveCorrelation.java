package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.FactStrings;
import tmsp.correlation.PriorIncident;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentHistory;
import tmsp.incident.IncidentRecorder;
import tmsp.ingest.Detections;
import tmsp.ingest.DetectionsStored;

/**
 * Live correlation ({@code tmsp.correlation.live}): every committed upload or syslog batch is read back and fed,
 * in one worker thread, into its account's long-lived stream session of the published rules; what the rules
 * find is recorded at once, with the same keys the nightly run gives. The queue is bounded: when it is full, a
 * batch is skipped and counted, and the nightly run correlates it (as it does late detections).
 */
@Component
@ConditionalOnProperty(name = "tmsp.correlation.live", havingValue = "true")
class LiveCorrelation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveCorrelation.class);
    static final int QUEUE_CAPACITY = 10_000;
    /** An account's session is closed when it sent nothing for this long (its windows have long expired). */
    static final Duration IDLE = Duration.ofDays(1);
    /** An account's findings are recorded at most this often while its detections keep coming. */
    static final Duration RECORD_EVERY = Duration.ofSeconds(5);

    private final CorrelationRules published;
    private final Detections detections;
    private final IncidentRecorder recorder;
    private final IncidentHistory history;
    private final CorrelationSettings settings;
    private final BlockingQueue<DetectionsStored> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<Long, LiveAccountSession> sessions = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong correlated = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    /** The texts of every account's detections, shared: only the worker thread makes facts. */
    private final FactStrings strings = new FactStrings();
    /** Accounts with detections whose findings are not recorded yet; only the worker thread touches it. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private volatile Thread worker;
    private volatile boolean running;

    LiveCorrelation(CorrelationRules published, Detections detections, IncidentRecorder recorder,
                    IncidentHistory history, CorrelationSettings settings) {
        this.published = published;
        this.detections = detections;
        this.recorder = recorder;
        this.history = history;
        this.settings = settings;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(DetectionsStored stored) {
        if (!queue.offer(stored)) {
            long n = skipped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.warn("Live correlation is behind: {} stored batches left to the nightly run so far", n);
            }
        }
    }

    /** What live correlation did so far, for the logs and the benchmark. */
    LiveStatus status() {
        synchronized (sessions) {
            return new LiveStatus(correlated.get(),
                    late.get() + sessions.values().stream().mapToLong(LiveAccountSession::late).sum(),
                    skipped.get(), queue.size(), pending.size(),
                    sessions.values().stream().mapToLong(LiveAccountSession::factCount).sum(), sessions.size());
        }
    }

    record LiveStatus(long correlated, long late, long skippedBatches, int queued, int unrecorded, long factsHeld,
                      int accounts) {
    }

    /** Once a minute: the figures in the log. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void logStatus() {
        LiveStatus s = status();
        Runtime rt = Runtime.getRuntime();
        log.info("Live correlation: {} detections correlated, {} late, {} batches skipped, {} queued, {} accounts not"
                        + " recorded yet, {} facts held for {} accounts, heap used {} MB", s.correlated(), s.late(),
                s.skippedBatches(), s.queued(), s.unrecorded(), s.factsHeld(), s.accounts(),
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private void work() {
        while (running || !queue.isEmpty()) {
            try {
                DetectionsStored next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    correlate(next);
                } else {
                    recordPending(Duration.ZERO); // a pause in the traffic: record what is left at once
                    closeIdleSessions();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // One bad batch must not stop live correlation; the nightly run covers it.
                log.error("Live correlation of a stored batch failed; the nightly run will correlate it", e);
            }
        }
        recordPending(Duration.ZERO);
    }

    void correlate(DetectionsStored stored) {
        LiveAccountSession session = sessionOf(stored.accountId());
        pending.add(stored.accountId()); // before the count moves: status() never shows it done before it is
        long count = detections.streamUpload(stored.accountId(), stored.uploadId(), d -> session.accept(d, strings));
        correlated.addAndGet(count);
        recordPending(RECORD_EVERY);
    }

    /**
     * Records the findings that changed in accounts with new detections, each at most once per {@code every}:
     * a flood grows with almost every batch, and recording it each time would cost more than finding it.
     */
    private void recordPending(Duration every) {
        Instant now = Instant.now();
        for (long accountId : List.copyOf(pending)) {
            LiveAccountSession session;
            synchronized (sessions) {
                session = sessions.get(accountId);
            }
            if (session != null && !session.recordedBefore(now.minus(every))) {
                continue;
            }
            if (session != null) {
                List<IncidentFinding> changed = session.changedFindings(now);
                if (!changed.isEmpty()) {
                    recorder.record(accountId, changed, AccountCorrelation.episodeGaps(session.rules()),
                            ExceptionVerdicts.of(session.rules(), settings.zone()));
                }
            }
            pending.remove(accountId); // only now: status() says nothing is left to record once it is recorded
        }
    }

    private void closeIdleSessions() {
        Instant cutoff = Instant.now().minus(IDLE);
        synchronized (sessions) {
            sessions.values().removeIf(s -> {
                if (s.idleSince(cutoff)) {
                    late.addAndGet(s.late());
                    s.close();
                    return true;
                }
                return false;
            });
        }
    }

    private LiveAccountSession sessionOf(long accountId) {
        CompiledRules rules = published.current();
        synchronized (sessions) {
            LiveAccountSession session = sessions.get(accountId);
            if (session != null && session.rules() == rules) {
                return session;
            }
            if (session != null) {
                session.close(); // a new rule set was published: start over with it
            }
            LiveAccountSession fresh = new LiveAccountSession(rules);
            Instant now = Instant.now();
            history.hostIncidents(accountId, now.minus(settings.history()), now).forEach(h -> fresh.insertFact(
                    new PriorIncident(accountId, h.host(), h.ruleId(), h.firstSeen(), h.lastSeen())));
            sessions.put(accountId, fresh);
            return fresh;
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::work, "live-correlation");
        worker.setDaemon(true);
        worker.start();
        log.info("Live correlation is on: stored detections are correlated as they arrive");
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (sessions) {
            sessions.values().forEach(LiveAccountSession::close);
            sessions.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
