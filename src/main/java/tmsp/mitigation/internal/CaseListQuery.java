package tmsp.mitigation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.mitigation.CaseStatus;

/**
 * An account's Case List in two SQL statements whatever the page size: the page (each case with its current
 * cleanup pattern, the newest one not withdrawn, joined by one sub-select) and the count.
 */
@Component
class CaseListQuery {

    /** The sortable columns, by the name the page uses, mapped to SQL that cannot be injected. */
    static final Map<String, String> SORTS = Map.of(
            "caseId", "c.vendor_case_id",
            "status", statusOrder(),
            "received", "c.received_at",
            "updated", "c.updated_at",
            "server", "lower(c.mitigation_server)",
            "pattern", "p.pattern_name",
            "endpoint", "c.endpoint_ip",
            "download", "c.sample_size");

    static final String DEFAULT_SORT = "received";
    static final int MAX_SIZE = 200;

    record Row(long id, String vendorCaseId, CaseStatus status, Instant receivedAt, Instant updatedAt,
               String mitigationServer, String patternName, Integer patternRevision, String endpointIp,
               String endpointHost, long sampleSize) {

        /** "ip (hostname)", or whichever of the two is known. */
        public String endpoint() {
            return Endpoints.label(endpointIp, endpointHost);
        }
    }

    /**
     * What the page asked for, already cleaned: an unknown sort is the default, a bad page or size the nearest
     * allowed; {@code text} matches the endpoint (IP or host name) or the mitigation server, literally.
     */
    record Request(long accountId, CaseStatus status, String text, Instant receivedFrom, Instant receivedTo,
                   String sort, boolean ascending, int page, int size) {
        Request {
            sort = sort != null && SORTS.containsKey(sort) ? sort : DEFAULT_SORT;
            page = Math.max(page, 0);
            size = Math.min(Math.max(size, 1), MAX_SIZE);
            text = text == null ? "" : text.trim();
        }

        Request atPage(int page) {
            return new Request(accountId, status, text, receivedFrom, receivedTo, sort, ascending, page, size);
        }
    }

    /** With what {@code fragments/pager} reads: number, totalPages, first, last. */
    record Result(List<Row> rows, long total, Request request) {
        public int pages() {
            return (int) Math.max(1, (total + request.size() - 1) / request.size());
        }

        public int totalPages() {
            return pages();
        }

        public int number() {
            return request.page();
        }

        public boolean first() {
            return request.page() == 0;
        }

        public boolean last() {
            return request.page() + 1 >= pages();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    CaseListQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Result find(Request request) {
        MapSqlParameterSource params = new MapSqlParameterSource("account", request.accountId())
                .addValue("limit", request.size())
                .addValue("offset", (long) request.page() * request.size());
        StringBuilder where = new StringBuilder("where c.account_id = :account\n");
        if (request.status() != null) {
            where.append("and c.status = :status\n");
            params.addValue("status", request.status().name());
        }
        if (!request.text().isEmpty()) {
            where.append("and (lower(c.endpoint_ip) like :q escape '\\' or lower(c.endpoint_host) like :q escape '\\'"
                    + " or lower(c.mitigation_server) like :q escape '\\')\n");
            params.addValue("q", "%" + escapeLike(request.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (request.receivedFrom() != null) {
            where.append("and c.received_at >= :from\n");
            params.addValue("from", Timestamp.from(request.receivedFrom()));
        }
        if (request.receivedTo() != null) {
            where.append("and c.received_at < :to\n");
            params.addValue("to", Timestamp.from(request.receivedTo()));
        }
        String direction = request.ascending() ? " asc" : " desc";
        String sql = """
                select c.id, c.vendor_case_id, c.status, c.received_at, c.updated_at, c.mitigation_server,
                       c.endpoint_ip, c.endpoint_host, c.sample_size, p.pattern_name, p.revision
                from mitigation_cases c
                left join cleanup_patterns p on p.id = (select max(cp.id) from cleanup_patterns cp
                                                         where cp.case_id = c.id and cp.status <> 'WITHDRAWN')
                """ + where + "order by " + SORTS.get(request.sort()) + direction + " nulls last, c.id" + direction
                + " limit :limit offset :offset";
        List<Row> rows = jdbc.query(sql, params, (rs, n) -> row(rs));
        if (rows.isEmpty() && request.page() > 0) {
            return find(request.atPage(0));
        }
        long total = rows.size() < request.size() && request.page() == 0 ? rows.size()
                : jdbc.queryForObject("select count(*) from mitigation_cases c " + where, params, Long.class);
        return new Result(rows, total, request);
    }

    /** Statuses sort in the order a case goes through them, not alphabetically. */
    private static String statusOrder() {
        StringBuilder sql = new StringBuilder("case c.status");
        for (CaseStatus status : CaseStatus.values()) {
            sql.append(" when '").append(status.name()).append("' then ").append(status.ordinal());
        }
        return sql.append(" end").toString();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("vendor_case_id"), CaseStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"), instant(rs, "updated_at"), rs.getString("mitigation_server"),
                rs.getString("pattern_name"), rs.getObject("revision", Integer.class), rs.getString("endpoint_ip"),
                rs.getString("endpoint_host"), rs.getLong("sample_size"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
