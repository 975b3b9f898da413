package tmsp.maintenance.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Log maintenance ({@code tmsp.maintenance.*}): when the purge runs until an administrator saves a schedule
 * ({@code cron}, six Spring fields, in {@code zone}; "-" switches the scheduled purge off), and how many purge runs
 * are kept in the run history.
 */
@ConfigurationProperties("tmsp.maintenance")
record MaintenanceSettings(@DefaultValue("0 30 3 * * *") String cron,
                           @DefaultValue("UTC") ZoneId zone,
                           @DefaultValue("200") int runsKept) {

    MaintenanceSettings {
        if (!PurgeCron.isValid(cron)) {
            throw new IllegalArgumentException("tmsp.maintenance.cron is not a Spring cron expression: " + cron);
        }
        if (runsKept < 1) {
            throw new IllegalArgumentException("tmsp.maintenance.runs-kept must be at least 1, not " + runsKept);
        }
    }
}
