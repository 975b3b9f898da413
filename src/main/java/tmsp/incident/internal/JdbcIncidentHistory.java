package tmsp.incident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tmsp.incident.IncidentHistory;

/** Earlier incidents of an account, one row per host they name, for rules that look at history. */
@Component
class JdbcIncidentHistory implements IncidentHistory {

    private final JdbcTemplate jdbc;
    private final StringListConverter lists = new StringListConverter();

    JdbcIncidentHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents whose span overlaps {@code [from, to)}, in first-seen order. */
    @Override
    public List<HostIncident> hostIncidents(long accountId, Instant from, Instant to) {
        List<HostIncident> found = new ArrayList<>();
        jdbc.query("select rule_id, hosts, first_seen, last_seen from incidents where account_id = ?"
                + " and last_seen >= ? and first_seen < ? order by first_seen, id", rs -> {
                    Instant first = rs.getTimestamp("first_seen").toInstant();
                    Instant last = rs.getTimestamp("last_seen").toInstant();
                    for (String host : lists.convertToEntityAttribute(rs.getString("hosts"))) {
                        found.add(new HostIncident(host, rs.getString("rule_id"), first, last));
                    }
                }, accountId, Timestamp.from(from), Timestamp.from(to));
        return found;
    }
}
