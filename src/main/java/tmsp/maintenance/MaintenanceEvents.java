package tmsp.maintenance;

import java.time.Instant;

/** What log maintenance publishes for the system log. */
public final class MaintenanceEvents {

    private MaintenanceEvents() {
    }

    /** An administrator changed how many days a kind of data is kept. */
    public record RetentionChanged(String actor, String kind, int fromDays, int toDays) {
    }

    /** An administrator changed when the purge runs (a Spring cron expression). */
    public record PurgeScheduleChanged(String actor, String fromCron, String toCron) {
    }

    /**
     * A purge run ended. {@code summary} says per kind what went or what failed, e.g.
     * {@code detections: 120 removed; quarantine: failed (…)}; {@code failed} whether any kind failed.
     */
    public record PurgeFinished(long runId, String actor, String trigger, Instant startedAt, Instant finishedAt,
                                boolean failed, String summary) {
    }
}
