package tmsp.maintenance.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tmsp.maintenance.MaintenanceEvents;

/**
 * When the purge runs: the schedule saved on the page, else {@code tmsp.maintenance.cron}. Purges run on a thread of
 * their own (a long purge must not hold up the portal's other scheduled work). Every node schedules the purge and
 * the {@link PurgeLock} lets one of them run it; each node re-reads the saved schedule every minute, so a change made
 * on one node reaches the others.
 */
@Component
class PurgeSchedule {

    private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

    /** The saved schedule, or the configured one; who saved it and when (null when configured). */
    record Current(String cron, String updatedBy, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final MaintenanceSettings settings;
    private final PurgeJob job;
    private final ApplicationEventPublisher events;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private String scheduledCron;
    private ScheduledFuture<?> scheduled;

    PurgeSchedule(JdbcTemplate jdbc, MaintenanceSettings settings, PurgeJob job, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.job = job;
        this.events = events;
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("purge-");
        scheduler.initialize();
    }

    Current current() {
        return jdbc.query("select cron, updated_by, updated_at from purge_schedule where id = 1",
                rs -> rs.next() ? new Current(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())
                        : new Current(settings.cron(), null, null));
    }

    /** The next scheduled purge on this node, or null when the schedule is off. */
    Instant next() {
        return PurgeCron.next(current().cron(), Instant.now(), settings.zone());
    }

    @Transactional
    void change(String cron, String actor) {
        if (!PurgeCron.isValid(cron)) {
            throw new IllegalArgumentException("Not a Spring cron expression: " + cron);
        }
        String wanted = cron.trim();
        String before = current().cron();
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("update purge_schedule set cron = ?, updated_by = ?, updated_at = ? where id = 1",
                wanted, actor, now) == 0) {
            jdbc.update("insert into purge_schedule (id, cron, updated_by, updated_at) values (1, ?, ?, ?)",
                    wanted, actor, now);
        }
        events.publishEvent(new MaintenanceEvents.PurgeScheduleChanged(actor, before, wanted));
    }

    /** After a change on this node, at once; the other nodes follow within a minute. */
    @TransactionalEventListener(value = MaintenanceEvents.PurgeScheduleChanged.class, fallbackExecution = true)
    void changed() {
        refresh();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    synchronized void refresh() {
        String cron = current().cron();
        if (cron.equals(scheduledCron)) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        scheduledCron = cron;
        if (!PurgeCron.OFF.equals(cron)) {
            scheduled = scheduler.schedule(() -> job.runScheduled(Instant.now()), new CronTrigger(cron, settings.zone()));
        }
        log.info("Purge schedule: {} ({})", cron, settings.zone());
    }

    /** A manual purge, run on the purge thread; the page follows its record. */
    long startNow(String actor) {
        Instant now = Instant.now();
        long run = job.recordManual(actor, now);
        scheduler.execute(() -> job.runRecorded(run, actor, now));
        return run;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
