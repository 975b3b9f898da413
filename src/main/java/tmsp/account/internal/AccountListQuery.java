package tmsp.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.SecurityCompliance;

/**
 * The Customer Accounts list in two SQL statements whatever the page size: the page (every column lives on
 * the account row, kept current by {@link AccountActivityRecorder}) and the count. A window count in the
 * page query would make PostgreSQL join and sort every matching account before the LIMIT.
 */
@Component
class AccountListQuery {

    /** The sortable columns, by the name the page uses, mapped to SQL that cannot be injected. */
    static final Map<String, String> SORTS = Map.of(
            "name", "a.name_key",
            "company", "a.company_name",
            "incidents", "a.incident_count",
            "lastReceived", "a.last_received",
            "services", "a.services_label",
            "managedBy", "coalesce(u.display_name, u.username)",
            "validFrom", "a.valid_from",
            "compliance", "a.security_compliance");

    record Row(long id, String name, String companyName, Integer incidents, Instant incidentsComputedAt,
               Instant lastReceived, String services, String managedBy, LocalDate validFrom, LocalDate validTo,
               SecurityCompliance compliance) {
    }

    record Request(String filter, String sort, boolean ascending, int page, int size) {
        Request {
            sort = SORTS.containsKey(sort) ? sort : "name";
            page = Math.max(page, 0);
            size = Math.min(Math.max(size, 1), 200);
            filter = filter == null ? "" : filter.trim();
        }
    }

    record Result(List<Row> rows, long total, Request request) {
        public int pages() {
            return (int) Math.max(1, (total + request.size() - 1) / request.size());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    AccountListQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Result find(Request request) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", request.size())
                .addValue("offset", (long) request.page() * request.size());
        StringBuilder sql = new StringBuilder("""
                select a.id, a.name, a.company_name, a.incident_count, a.incidents_computed_at, a.last_received,
                       a.services_label, coalesce(u.display_name, u.username) as managed_by, a.valid_from,
                       a.valid_to, a.security_compliance
                """);
        String from = "from accounts a left join users u on u.id = a.managed_by_id\n";
        if (!request.filter().isEmpty()) {
            from += "where a.search_text like :q escape '\\'\n"; // one column, trigram-indexed on PostgreSQL
            params.addValue("q", "%" + escapeLike(request.filter().toLowerCase(Locale.ROOT)) + "%");
        }
        sql.append(from);
        // Empty values (not correlated yet, nothing received) go last both ways: "highest first" means numbers.
        String direction = request.ascending() ? " asc" : " desc";
        sql.append("order by ").append(SORTS.get(request.sort())).append(direction).append(" nulls last, a.id")
                .append(direction)
                .append(" limit :limit offset :offset");
        List<Row> rows = jdbc.query(sql.toString(), params, (rs, n) -> row(rs));
        if (rows.isEmpty() && request.page() > 0) {
            return find(new Request(request.filter(), request.sort(), request.ascending(), 0, request.size()));
        }
        long total = rows.size() < request.size() && request.page() == 0 ? rows.size()
                : jdbc.queryForObject("select count(*) " + from, params, Long.class);
        return new Result(rows, total, request);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs) throws SQLException {
        String compliance = rs.getString("security_compliance");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"),
                (Integer) rs.getObject("incident_count", Integer.class), instant(rs, "incidents_computed_at"),
                instant(rs, "last_received"), rs.getString("services_label"), rs.getString("managed_by"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                compliance == null ? null : SecurityCompliance.valueOf(compliance));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
