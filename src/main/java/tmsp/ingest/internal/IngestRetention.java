package tmsp.ingest.internal;

import java.time.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.RetainedRows;

/** What log maintenance purges of ingest besides the detections ({@link DetectionRetention}). */
@Configuration
class IngestRetention {

    /** Lines that could not be parsed, by the time they arrived. */
    @Bean
    RetainedData retainedQuarantine(JdbcTemplate jdbc) {
        return RetainedRows.of(jdbc, "quarantine", Period.ofDays(30), "quarantined_lines", "received_at");
    }

    /**
     * Upload receipts (one per HTTP upload or syslog batch, with its Idempotency-Key), by when they finished; a retry
     * that still carries the key of a purged receipt is stored as a new upload.
     */
    @Bean
    RetainedData retainedUploads(JdbcTemplate jdbc) {
        return RetainedRows.of(jdbc, "uploads", Period.ofDays(90), "uploads", "finished_at");
    }
}
