package tmsp.maintenance.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/** The purge schedule: a six-field Spring cron expression, or "-" for no scheduled purge. */
final class PurgeCron {

    static final String OFF = "-";
    static final int MAX_LENGTH = 120;

    private PurgeCron() {
    }

    static boolean isValid(String cron) {
        return cron != null && cron.length() <= MAX_LENGTH
                && (OFF.equals(cron.trim()) || CronExpression.isValidExpression(cron.trim()));
    }

    /** The next time after {@code now}, or null when the schedule is off. */
    static Instant next(String cron, Instant now, ZoneId zone) {
        if (OFF.equals(cron.trim())) {
            return null;
        }
        ZonedDateTime next = CronExpression.parse(cron.trim()).next(now.atZone(zone));
        return next == null ? null : next.toInstant();
    }
}
