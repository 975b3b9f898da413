package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Correlation runs ({@code tmsp.correlation.*}): when the nightly run starts ({@code cron}, six Spring fields, in
 * {@code zone}; "-" switches it off), which zone a run's day is counted in, how often a failing account job
 * is tried in all and how long apart (then it becomes a Camunda incident), how many days of earlier incidents a run gives the rules,
 * and how many missed nights a node correlates when it starts ({@code catch-up-nights}, 0 switches it off).
 * {@code tmsp.correlation.live} switches on {@link LiveCorrelation}.
 */
@ConfigurationProperties("tmsp.correlation")
record CorrelationSettings(@DefaultValue("0 0 2 * * *") String cron,
                           @DefaultValue("UTC") ZoneId zone,
                           @DefaultValue("3") int jobRetries,
                           @DefaultValue("5m") Duration retryDelay,
                           @DefaultValue("14d") Duration history,
                           @DefaultValue("3") int catchUpNights) {

    CorrelationSettings {
        if (jobRetries < 1) {
            throw new IllegalArgumentException("tmsp.correlation.job-retries must be at least 1, not " + jobRetries);
        }
        if (catchUpNights < 0 || catchUpNights > 31) {
            throw new IllegalArgumentException("tmsp.correlation.catch-up-nights must be 0 to 31, not " + catchUpNights);
        }
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("tmsp.correlation.retry-delay must be positive, not " + retryDelay);
        }
    }

    /** Camunda's failed-job retry cycle, e.g. {@code R3/PT5M}. */
    String retryCycle() {
        return "R" + jobRetries + "/" + retryDelay;
    }

    /** The day before today in the configured zone: what the nightly run and a run without a day correlate. */
    LocalDate yesterday(Instant now) {
        return LocalDate.ofInstant(now, zone).minusDays(1);
    }

    ZonedDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone);
    }
}
