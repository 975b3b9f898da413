package tmsp.maintenance.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tmsp.maintenance.MaintenanceEvents;
import tmsp.maintenance.RetainedData;

/**
 * One purge: under the cluster-wide {@link PurgeLock}, every kind loses what is older than its retention, each kind on
 * its own (one that fails is recorded with its error and the others still run); the run and each kind's result are
 * recorded as they happen, and the end goes to the system log.
 */
@Component
class PurgeJob {

    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    static final String SCHEDULED = "SCHEDULED";
    static final String MANUAL = "MANUAL";

    private final RetentionSettings retention;
    private final PurgeRuns runs;
    private final PurgeLock lock;
    private final ApplicationEventPublisher events;
    private final MaintenanceSettings settings;

    PurgeJob(RetentionSettings retention, PurgeRuns runs, PurgeLock lock, ApplicationEventPublisher events,
             MaintenanceSettings settings) {
        this.retention = retention;
        this.runs = runs;
        this.lock = lock;
        this.events = events;
        this.settings = settings;
    }

    /** The scheduled purge: recorded only where it ran, so the other nodes of a cluster leave no trace. */
    Optional<Long> runScheduled(Instant now) {
        try (var held = lock.tryAcquire().orElse(null)) {
            if (held == null) {
                log.info("Scheduled purge skipped: another node is purging");
                return Optional.empty();
            }
            long run = runs.start(SCHEDULED, "system", now);
            purge(run, SCHEDULED, "system", now);
            return Optional.of(run);
        }
    }

    /** A purge asked for by a person: recorded at once (the page follows it), then run or marked skipped. */
    long recordManual(String actor, Instant now) {
        return runs.start(MANUAL, actor, now);
    }

    /** Runs the recorded manual purge {@code run}; {@code false} when another purge held the lock. */
    boolean runRecorded(long run, String actor, Instant now) {
        try (var held = lock.tryAcquire().orElse(null)) {
            if (held == null) {
                runs.finish(run, PurgeRun.SKIPPED, Instant.now());
                log.info("Purge #{} skipped: another purge is running", run);
                return false;
            }
            purge(run, MANUAL, actor, now);
            return true;
        }
    }

    /**
     * At start-up: when no node holds the purge lock, no purge is running anywhere, so a run still recorded as running
     * was cut short by a crash or a stop; it is marked interrupted (else the page would follow it for ever).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void markInterruptedRuns() {
        try (var held = lock.tryAcquire().orElse(null)) {
            if (held != null) {
                int interrupted = runs.interruptRunning(Instant.now());
                if (interrupted > 0) {
                    log.warn("{} purge run(s) had been cut short (a crash or a stop); marked interrupted", interrupted);
                }
            }
        }
    }

    /** Cutoffs are {@code now} less each kind's days (of 24 hours). */
    private void purge(long run, String trigger, String actor, Instant now) {
        Map<String, Integer> days = retention.days();
        List<String> summary = new ArrayList<>();
        boolean failed = false;
        for (RetainedData kind : retention.kinds()) {
            int kept = days.get(kind.kind());
            Instant cutoff = now.minus(Duration.ofDays(kept));
            Long removed = null;
            String error = null;
            try {
                removed = kind.purgeOlderThan(cutoff);
                summary.add(kind.kind() + ": " + removed + " removed");
            } catch (RuntimeException e) {
                failed = true;
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                summary.add(kind.kind() + ": failed (" + error + ")");
                log.warn("Purge #{}: {} failed", run, kind.kind(), e);
            }
            runs.kindDone(run, new PurgeRun.KindResult(kind.kind(), kept, cutoff, removed, error, Instant.now()));
        }
        Instant finished = Instant.now();
        runs.finish(run, failed ? PurgeRun.FAILED : PurgeRun.SUCCEEDED, finished);
        runs.forgetAllBut(settings.runsKept());
        log.info("Purge #{} {}: {}", run, failed ? "failed in part" : "done", String.join("; ", summary));
        events.publishEvent(new MaintenanceEvents.PurgeFinished(run, actor, trigger, now, finished, failed,
                String.join("; ", summary)));
    }
}
