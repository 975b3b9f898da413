package tmsp.incident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentRecorder;

/** Stored detections and the incidents recorded from them, for the incident module's integration tests. */
final class IncidentFixtures {

    private final JdbcTemplate jdbc;
    private final IncidentRecorder recorder;

    IncidentFixtures(JdbcTemplate jdbc, IncidentRecorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /** Stores {@code count} detections of the account one second apart from {@code first}; @return their ids. */
    List<Long> detections(long accountId, Instant first, int count, String raw) {
        return jdbc.queryForList("insert into detections (event_time, received_at, account_id, product_id, format,"
                + " severity, event_name, src_host, threat_name, extra, raw) select ?::timestamptz + n * interval"
                + " '1 second', now(), ?, 0, 'CEF', 3, 'Malware found', 'pc-' || n, 'TROJ_X',"
                + " '{\"duser\":\"alice\"}', ? || n from generate_series(0, ? - 1) n returning id", Long.class,
                Timestamp.from(first), accountId, raw, count);
    }

    /** Records one incident over the given detections; @return its id. */
    long incident(long accountId, String rule, String severity, String title, Instant first, Instant last,
                  List<Long> evidence) {
        String grouping = title + "|" + first;
        recorder.record(accountId, List.of(new IncidentFinding(rule, accountId, grouping, title, severity,
                List.of("T1110"), first, last, Set.of("pc-1"), Set.of("10.0.0.1"), Set.of("TROJ_X"),
                new LinkedHashSet<>(evidence))), Map.of());
        return jdbc.queryForObject("select id from incidents where account_id = ? and grouping_value = ?", Long.class,
                accountId, grouping);
    }
}
