package tmsp.ingest.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the quarantine for the account page and the administrators' quarantine view. */
@Component
class QuarantineView {

    record ProductCount(long productId, String hostname, long lines, Instant last) {
    }

    record Row(Long lineNumber, String code, String reason, String line, Instant receivedAt, String source) {
    }

    private final JdbcTemplate jdbc;

    QuarantineView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<ProductCount> countsFor(long accountId) {
        return jdbc.query("""
                select p.id, p.hostname, count(q.id) as lines, max(q.received_at) as last
                from products p join quarantined_lines q on q.product_id = p.id
                where p.account_id = ? group by p.id, p.hostname order by p.hostname""",
                (rs, n) -> new ProductCount(rs.getLong("id"), rs.getString("hostname"), rs.getLong("lines"),
                        rs.getTimestamp("last").toInstant()), accountId);
    }

    @Transactional(readOnly = true)
    boolean productBelongsTo(long productId, long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from products where id = ? and account_id = ?", Boolean.class, productId, accountId));
    }

    @Transactional(readOnly = true)
    List<Row> latest(long productId, int limit) {
        return jdbc.query("select * from quarantined_lines where product_id = ? order by received_at desc, id desc limit ?",
                (rs, n) -> row(rs), productId, limit);
    }

    @Transactional(readOnly = true)
    void each(long productId, Consumer<Row> consumer) {
        jdbc.query("select * from quarantined_lines where product_id = ? order by received_at, id",
                rs -> {
                    consumer.accept(row(rs));
                }, productId);
    }

    /** Lines whose sender is not known (syslog from an unregistered GUID or an unreadable message). */
    @Transactional(readOnly = true)
    List<Row> latestOfUnknownSenders(int limit) {
        return jdbc.query("select * from quarantined_lines where product_id is null order by received_at desc, id desc limit ?",
                (rs, n) -> row(rs), limit);
    }

    @Transactional(readOnly = true)
    void eachOfUnknownSenders(Consumer<Row> consumer) {
        jdbc.query("select * from quarantined_lines where product_id is null order by received_at, id",
                rs -> {
                    consumer.accept(row(rs));
                });
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("received_at");
        return new Row(rs.getObject("line_number", Long.class), rs.getString("code"), rs.getString("reason"), rs.getString("line"),
                at.toInstant(), rs.getString("source"));
    }
}
