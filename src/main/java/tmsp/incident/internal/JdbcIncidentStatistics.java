package tmsp.incident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.incident.IncidentStatistics;

/**
 * Suppressed incidents (a rule exception matched them) are not counted. Two statements per summary: counts grouped by severity and rule, then one pass over the period's
 * host, threat and first-seen columns, counted as the rows stream by (the JSON arrays of hosts and threats
 * cannot be grouped portably on H2 and PostgreSQL alike), never held as a list.
 */
@Component
class JdbcIncidentStatistics implements IncidentStatistics {

    private final JdbcTemplate jdbc;
    private final StringListConverter lists = new StringListConverter();

    JdbcIncidentStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Summary summarize(long accountId, Instant from, Instant to, ZoneId zone, int top) {
        Map<String, Long> bySeverity = new HashMap<>();
        Map<String, Long> byRule = new HashMap<>();
        long[] total = {0};
        jdbc.query("select severity, rule_id, count(*) from incidents where account_id = ? and first_seen >= ?"
                + " and first_seen < ? and suppressed_by_exception is null group by severity, rule_id", rs -> {
                    long n = rs.getLong(3);
                    bySeverity.merge(rs.getString(1), n, Long::sum);
                    byRule.merge(rs.getString(2), n, Long::sum);
                    total[0] += n;
                }, accountId, Timestamp.from(from), Timestamp.from(to));

        LocalDate firstDay = from.atZone(zone).toLocalDate();
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(firstDay, to.atZone(zone).toLocalDate()));
        long[] perDay = new long[days];
        Map<String, Long> hosts = new HashMap<>();
        Map<String, Long> threats = new HashMap<>();
        if (total[0] > 0) {
            jdbc.query("select first_seen, hosts, threat_names from incidents where account_id = ? and first_seen >= ?"
                    + " and first_seen < ? and suppressed_by_exception is null", rs -> {
                        int day = (int) ChronoUnit.DAYS.between(firstDay,
                                rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate());
                        if (day >= 0 && day < days) {
                            perDay[day]++;
                        }
                        lists.convertToEntityAttribute(rs.getString(2)).forEach(h -> hosts.merge(h, 1L, Long::sum));
                        lists.convertToEntityAttribute(rs.getString(3)).forEach(t -> threats.merge(t, 1L, Long::sum));
                    }, accountId, Timestamp.from(from), Timestamp.from(to));
        }
        Map<String, Long> severities = new LinkedHashMap<>();
        for (int i = Incident.SEVERITIES.size() - 1; i >= 0; i--) { // most severe first
            String severity = Incident.SEVERITIES.get(i);
            if (bySeverity.containsKey(severity)) {
                severities.put(severity, bySeverity.get(severity));
            }
        }
        return new Summary(total[0], severities, mostFrequent(byRule, Integer.MAX_VALUE), mostFrequent(hosts, top),
                mostFrequent(threats, top), java.util.Arrays.stream(perDay).boxed().toList());
    }

    private static List<Count> mostFrequent(Map<String, Long> counts, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
