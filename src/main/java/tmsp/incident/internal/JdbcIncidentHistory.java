package tmsp.incident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.incident.IncidentHistory;

/** Earlier incidents, one row per host they name for rules that look at history, or streamed per rule. */
@Component
class JdbcIncidentHistory implements IncidentHistory {

    /** Rows fetched at a time when streaming (PostgreSQL uses a cursor inside the read-only transaction). */
    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final StringListConverter lists = new StringListConverter();

    JdbcIncidentHistory(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
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

    @Override
    public void incidentsOfRule(String ruleId, Instant from, Instant to, Consumer<RuleIncident> each) {
        readOnly.executeWithoutResult(status -> cursor.query("select id, account_id, rule_id, title, hosts, addresses,"
                + " threat_names, first_seen, last_seen, suppressed_by_exception from incidents where rule_id = ?"
                + " and last_seen >= ? and last_seen < ? order by last_seen desc, id desc", rs -> {
                    each.accept(new RuleIncident(rs.getLong("id"), rs.getLong("account_id"), rs.getString("rule_id"),
                            rs.getString("title"), lists.convertToEntityAttribute(rs.getString("hosts")),
                            lists.convertToEntityAttribute(rs.getString("addresses")),
                            lists.convertToEntityAttribute(rs.getString("threat_names")),
                            rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                            rs.getObject("suppressed_by_exception") != null));
                }, ruleId, Timestamp.from(from), Timestamp.from(to)));
    }
}
