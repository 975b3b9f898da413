package tmsp.ingest.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lines that could not be parsed, kept with their line number and reason; never silently dropped. */
@Component
class Quarantine {

    /** A line is kept up to this many characters; its reason says when it was longer. */
    static final int KEPT_CHARS = 8 * 1024;

    /** {@code number} is the line of an upload; null for a syslog message. */
    record Line(Long number, String code, String reason, String text) {
        Line {
            text = DetectionColumns.clean(text.length() > KEPT_CHARS ? text.substring(0, KEPT_CHARS) : text);
            reason = DetectionColumns.clean(reason);
        }
    }

    private final JdbcTemplate jdbc;

    Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code productId} and {@code accountId} are null for a message whose sender is not known. */
    void keep(UUID uploadId, Long productId, Long accountId, String source, List<Line> lines, Instant receivedAt) {
        if (lines.isEmpty()) {
            return; // most uploads: no statement at all
        }
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            rows.add(new Object[] {uploadId, productId, accountId, source, line.number(), line.code(), line.reason(),
                    line.text(), Timestamp.from(receivedAt)});
        }
        jdbc.batchUpdate("insert into quarantined_lines (upload_id, product_id, account_id, source, line_number, code, "
                + "reason, line, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
}
