package tmsp.mitigation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.RetainedRows;
import tmsp.maintenance.TableStorage;

/**
 * Log maintenance of mitigation data: endpoint status reports by the time they were reported; forensic cases
 * once closed or dismissed and untouched since the cutoff, with their history, patterns and stored files. An open
 * case is kept however old it is.
 */
@Configuration
class MitigationRetention {

    @Bean
    RetainedData retainedEndpointStatuses(JdbcTemplate jdbc) {
        return RetainedRows.of(jdbc, "endpoint-statuses", Period.ofDays(90), "endpoint_statuses", "reported_at");
    }

    @Bean
    RetainedData retainedMitigationCases(JdbcTemplate jdbc, FileStore files) {
        return new ClosedCases(jdbc, files);
    }

    /** Closed and dismissed cases: rows first (their history, patterns and deployments cascade), then files. */
    static final class ClosedCases implements RetainedData {

        private static final String[] TABLES = {"mitigation_cases", "mitigation_case_steps", "cleanup_patterns",
                "pattern_deployments"};
        private static final int BATCH = 500;

        private final JdbcTemplate jdbc;
        private final FileStore files;

        ClosedCases(JdbcTemplate jdbc, FileStore files) {
            this.jdbc = jdbc;
            this.files = files;
        }

        @Override
        public String kind() {
            return "mitigation-cases";
        }

        @Override
        public Period defaultRetention() {
            return Period.ofDays(365);
        }

        @Override
        public long storageBytes() {
            Long samples = jdbc.queryForObject("select coalesce(sum(sample_size), 0) from mitigation_cases", Long.class);
            Long patterns = jdbc.queryForObject("select coalesce(sum(size), 0) from cleanup_patterns", Long.class);
            return TableStorage.bytes(jdbc, TABLES) + samples + patterns;
        }

        @Override
        public long purgeOlderThan(Instant cutoff) {
            long purged = 0;
            List<Long> ids;
            do {
                ids = jdbc.queryForList("select id from mitigation_cases where status in ('CLOSED', 'DISMISSED') "
                        + "and updated_at < ? order by id limit " + BATCH, Long.class, Timestamp.from(cutoff));
                for (long id : ids) {
                    purged += purge(id);
                }
            } while (ids.size() == BATCH);
            return purged;
        }

        /** One case: its rows go in one statement (the rest cascades), then its files, which nothing names any more. */
        private int purge(long caseId) {
            List<String> sample = jdbc.queryForList("select sample_file from mitigation_cases where id = ?",
                    String.class, caseId);
            List<String> patterns = jdbc.queryForList("select stored_file from cleanup_patterns where case_id = ?",
                    String.class, caseId);
            int deleted = jdbc.update("delete from mitigation_cases where id = ? and status in ('CLOSED', 'DISMISSED')",
                    caseId);
            if (deleted == 1) {
                sample.forEach(name -> files.delete(FileStore.Kind.SAMPLES, name));
                patterns.forEach(name -> files.delete(FileStore.Kind.PATTERNS, name));
            }
            return deleted;
        }
    }
}
