package tmsp.audit.internal;

import java.time.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.RetainedRows;

/** Log maintenance of the system log: lines older than the cutoff go (the purge's own line is written after). */
@Configuration
class SystemLogRetention {

    @Bean
    RetainedData retainedSystemLogs(JdbcTemplate jdbc) {
        return RetainedRows.of(jdbc, "system-logs", Period.ofDays(365), "audit_events", "occurred_at");
    }
}
