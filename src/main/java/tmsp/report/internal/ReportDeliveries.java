package tmsp.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Which recipient has had which stored report: a retried send job skips those already mailed. */
@Component
class ReportDeliveries {

    private final JdbcTemplate jdbc;

    ReportDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    boolean delivered(long reportId, String recipientKey) {
        return jdbc.queryForObject("select count(*) from report_deliveries where report_id = ? and recipient_key = ?",
                Long.class, reportId, recipientKey) > 0;
    }

    /** In a transaction of its own: once the server took the mail, it counts even if the job's transaction fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(long reportId, String recipientKey, Instant at) {
        jdbc.update("insert into report_deliveries (report_id, recipient_key, delivered_at) values (?, ?, ?)",
                reportId, recipientKey, Timestamp.from(at));
    }
}
