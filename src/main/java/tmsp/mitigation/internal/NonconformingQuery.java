package tmsp.mitigation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.mitigation.EndpointStatus;

/**
 * The nonconforming endpoints page, aggregated by the database: endpoint_statuses holds millions of rows, so every
 * statement here groups or counts them (over the account's index on reported_at) and hands back one page only.
 * The table's page is three statements (the page with its count, the endpoints' last samples and last patterns),
 * the chart one, the issues two.
 */
@Component
class NonconformingQuery {

    static final List<String> NONCONFORMING = codes(true);
    static final List<String> ISSUES = codes(false);

    /** One endpoint: its report counts per day of {@link ReportingDays#days()} (yesterday first). */
    record Endpoint(String ip, String hostname, long[] perDay, Instant lastSampleReceived, String lastPattern,
                    Instant lastPatternReleased) {
        public String label() {
            return Endpoints.label(ip, hostname);
        }

        public long count(int day) {
            return perDay[day];
        }
    }

    /** One page of endpoints, with what {@code fragments/pager} reads: number, totalPages, first, last. */
    record Table(List<Endpoint> endpoints, long total, int page, int size) {
        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public int number() {
            return page;
        }

        public boolean first() {
            return page == 0;
        }

        public boolean last() {
            return page + 1 >= totalPages();
        }
    }

    record Issue(Instant reportedAt, String ip, String hostname, EndpointStatus status, String threat,
                 long productId) {
        public String endpoint() {
            return Endpoints.label(ip, hostname);
        }
    }

    /** The newest issues, at most as many as asked for, and how many there were in all. */
    record Issues(List<Issue> issues, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    NonconformingQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The endpoints nonconforming on at least one of the days, most reports first; {@code text} matches IP or host. */
    @Transactional(readOnly = true)
    Table table(long accountId, ReportingDays days, String text, int page, int size) {
        MapSqlParameterSource params = period(accountId, days.from(), days.to(), NONCONFORMING)
                .addValue("limit", size).addValue("offset", (long) page * size);
        String where = where(text, params);
        StringBuilder perDay = new StringBuilder();
        for (int d = 0; d < days.days().size(); d++) {
            perDay.append(", sum(case when s.reported_at >= :d").append(d).append("s and s.reported_at < :d")
                    .append(d).append("e then 1 else 0 end) as day").append(d);
            params.addValue("d" + d + "s", Timestamp.from(days.days().get(d).start()))
                    .addValue("d" + d + "e", Timestamp.from(days.days().get(d).end()));
        }
        // max(hostname): one name per address, the same on every page (a renamed host shows either name). Every
        // address is grouped anyway to order by its count, so the window count of the groups costs no second scan.
        long[] total = {0};
        List<Endpoint> rows = jdbc.query("select s.ip, max(s.hostname) as hostname" + perDay
                + ", count(*) over () as endpoints from endpoint_statuses s " + where
                + " group by s.ip order by count(*) desc, s.ip limit :limit offset :offset", params, (rs, n) -> {
                    total[0] = rs.getLong("endpoints");
                    long[] counts = new long[days.days().size()];
                    for (int d = 0; d < counts.length; d++) {
                        counts[d] = rs.getLong("day" + d);
                    }
                    return new Endpoint(rs.getString("ip"), rs.getString("hostname"), counts, null, null, null);
                });
        if (rows.isEmpty() && page > 0) {
            return table(accountId, days, text, 0, size);
        }
        return new Table(withCasesAndPatterns(accountId, rows), total[0], page, size);
    }

    /** How many endpoints were nonconforming in each of yesterday's hours. */
    @Transactional(readOnly = true)
    long[] perHour(long accountId, ReportingDays days) {
        List<ReportingDays.Period> hours = days.hours();
        MapSqlParameterSource params = period(accountId, days.yesterday().start(), days.yesterday().end(), NONCONFORMING);
        StringBuilder inner = new StringBuilder("select s.ip");
        StringBuilder outer = new StringBuilder("select ");
        for (int h = 0; h < hours.size(); h++) {
            inner.append(", max(case when s.reported_at >= :h").append(h).append("s and s.reported_at < :h").append(h)
                    .append("e then 1 else 0 end) as h").append(h);
            outer.append(h == 0 ? "" : ", ").append("coalesce(sum(h").append(h).append("), 0) as h").append(h);
            params.addValue("h" + h + "s", Timestamp.from(hours.get(h).start()))
                    .addValue("h" + h + "e", Timestamp.from(hours.get(h).end()));
        }
        // One pass over yesterday's rows: each endpoint once with a flag per hour, then the flags summed.
        return jdbc.queryForObject(outer + " from (" + inner + " from endpoint_statuses s " + where(null, params)
                + " group by s.ip) e", params, (rs, n) -> {
                    long[] counts = new long[hours.size()];
                    for (int h = 0; h < counts.length; h++) {
                        counts[h] = rs.getLong("h" + h);
                    }
                    return counts;
                });
    }

    /** Yesterday's threat mitigation issues, the newest {@code limit} of them, and their count. */
    @Transactional(readOnly = true)
    Issues issues(long accountId, ReportingDays days, int limit) {
        MapSqlParameterSource params = period(accountId, days.yesterday().start(), days.yesterday().end(), ISSUES)
                .addValue("limit", limit);
        String where = where(null, params);
        List<Issue> rows = jdbc.query("select s.reported_at, s.ip, s.hostname, s.status, s.threat, s.product_id"
                + " from endpoint_statuses s " + where + " order by s.reported_at desc, s.id desc limit :limit", params,
                (rs, n) -> new Issue(rs.getTimestamp("reported_at").toInstant(), rs.getString("ip"),
                        rs.getString("hostname"), EndpointStatus.valueOf(rs.getString("status")), rs.getString("threat"),
                        rs.getLong("product_id")));
        long total = rows.size() < limit ? rows.size()
                : jdbc.queryForObject("select count(*) from endpoint_statuses s " + where, params, Long.class);
        return new Issues(rows, total);
    }

    /** The account's endpoints with a nonconforming report in [from, to): the account page's card. */
    @Transactional(readOnly = true)
    long endpointsBetween(long accountId, Instant from, Instant to) {
        MapSqlParameterSource params = period(accountId, from, to, NONCONFORMING);
        return jdbc.queryForObject("select count(distinct s.ip) from endpoint_statuses s " + where(null, params),
                params, Long.class);
    }

    /** Each endpoint's latest case and latest deployed (or released) pattern: two statements for the whole page. */
    private List<Endpoint> withCasesAndPatterns(long accountId, List<Endpoint> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("account", accountId)
                .addValue("ips", rows.stream().map(Endpoint::ip).toList());
        Map<String, Instant> samples = new HashMap<>();
        jdbc.query("select endpoint_ip, max(received_at) as last from mitigation_cases where account_id = :account"
                + " and endpoint_ip in (:ips) group by endpoint_ip", params,
                rs -> {
                    samples.put(rs.getString("endpoint_ip"), rs.getTimestamp("last").toInstant());
                });
        Map<String, Object[]> patterns = new HashMap<>();
        jdbc.query("select c.endpoint_ip, p.pattern_name, p.revision, p.released_at from cleanup_patterns p"
                + " join mitigation_cases c on c.id = p.case_id where c.account_id = :account and c.endpoint_ip in (:ips)"
                + " and p.status in ('DEPLOYED', 'RELEASED') and p.released_at is not null"
                + " order by p.released_at desc, p.id desc", params,
                rs -> {
                    patterns.putIfAbsent(rs.getString("endpoint_ip"), new Object[] {
                            rs.getString("pattern_name") + " r" + rs.getInt("revision"),
                            rs.getTimestamp("released_at").toInstant()});
                });
        List<Endpoint> complete = new ArrayList<>();
        for (Endpoint e : rows) {
            Object[] pattern = patterns.get(e.ip());
            complete.add(new Endpoint(e.ip(), e.hostname(), e.perDay(), samples.get(e.ip()),
                    pattern == null ? null : (String) pattern[0], pattern == null ? null : (Instant) pattern[1]));
        }
        return complete;
    }

    private static MapSqlParameterSource period(long accountId, Instant from, Instant to, List<String> statuses) {
        return new MapSqlParameterSource("account", accountId)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                .addValue("statuses", statuses);
    }

    private static String where(String text, MapSqlParameterSource params) {
        String where = "where s.account_id = :account and s.reported_at >= :from and s.reported_at < :to"
                + " and s.status in (:statuses)";
        if (text != null && !text.isBlank()) {
            params.addValue("q", "%" + CaseListQuery.escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
            where += " and (lower(s.ip) like :q escape '\\' or lower(s.hostname) like :q escape '\\')";
        }
        return where;
    }

    private static List<String> codes(boolean nonconforming) {
        return Arrays.stream(EndpointStatus.values()).filter(s -> nonconforming ? s.nonconforming() : s.issue())
                .map(Enum::name).toList();
    }
}
