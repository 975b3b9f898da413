package tmsp.incident.internal;

import java.time.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.RetainedRows;

/**
 * Log maintenance of incidents: one last seen before the cutoff goes with its evidence rows (their foreign key
 * cascades), whether its account still exists or not. Detections purged earlier leave the incident as it was:
 * its evidence ids stay, its page lists those detections still stored.
 */
@Configuration
class IncidentRetention {

    @Bean
    RetainedData retainedIncidents(JdbcTemplate jdbc) {
        return RetainedRows.of(jdbc, "incidents", Period.ofDays(365), "incidents", "last_seen", "incident_evidence");
    }
}
