package tmsp.report.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reports table: one row per account, type and period; storing it again replaces it (same id). */
@Component
class StoredReports {

    /** A stored report without its PDF. */
    record Stored(long id, long accountId, ReportPeriod period, String language, Instant generatedAt, int sizeBytes) {
    }

    private static final String COLUMNS = "id, account_id, type, period_start, period_end, language, generated_at, size_bytes";
    private static final RowMapper<Stored> ROW = (rs, n) -> new Stored(rs.getLong("id"), rs.getLong("account_id"),
            new ReportPeriod(ReportType.valueOf(rs.getString("type")), rs.getDate("period_start").toLocalDate(),
                    rs.getDate("period_end").toLocalDate()),
            rs.getString("language"), rs.getTimestamp("generated_at").toInstant(), rs.getInt("size_bytes"));

    private final JdbcTemplate jdbc;
    /** Fetches a few rows at a time (PDFs are large); PostgreSQL streams only inside a transaction, which is given. */
    private final JdbcTemplate streaming;

    StoredReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(4);
    }

    /** Inserts or replaces the account's report of this type and period; returns its id. */
    @Transactional
    long store(long accountId, ReportPeriod period, String language, Instant generatedAt, byte[] pdf) {
        Object[] key = {accountId, period.type().name(), Date.valueOf(period.start()), Date.valueOf(period.end())};
        int updated = jdbc.update("update reports set language = ?, generated_at = ?, size_bytes = ?, pdf = ?"
                        + " where account_id = ? and type = ? and period_start = ? and period_end = ?",
                language, Timestamp.from(generatedAt), pdf.length, pdf, key[0], key[1], key[2], key[3]);
        if (updated == 0) {
            jdbc.update("insert into reports (account_id, type, period_start, period_end, language, generated_at,"
                            + " size_bytes, pdf) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    key[0], key[1], key[2], key[3], language, Timestamp.from(generatedAt), pdf.length, pdf);
        }
        return jdbc.queryForObject("select id from reports where account_id = ? and type = ? and period_start = ?"
                + " and period_end = ?", Long.class, key);
    }

    @Transactional(readOnly = true)
    Optional<Stored> find(long accountId, ReportPeriod period) {
        return jdbc.query("select " + COLUMNS + " from reports where account_id = ? and type = ? and period_start = ?"
                        + " and period_end = ?", ROW, accountId, period.type().name(), Date.valueOf(period.start()),
                Date.valueOf(period.end())).stream().findFirst();
    }

    /** The report, if it is this account's. */
    @Transactional(readOnly = true)
    Optional<Stored> find(long accountId, long reportId) {
        return jdbc.query("select " + COLUMNS + " from reports where id = ? and account_id = ?", ROW, reportId, accountId)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    byte[] pdf(long reportId) {
        return jdbc.queryForObject("select pdf from reports where id = ?", byte[].class, reportId);
    }

    /** The account's reports whose period ends within {@code [from, to]}, by end date then type. */
    @Transactional(readOnly = true)
    List<Stored> endingBetween(long accountId, LocalDate from, LocalDate to) {
        return jdbc.query("select " + COLUMNS + " from reports where account_id = ? and period_end >= ? and period_end <= ?"
                + " order by period_end, type, period_start", ROW, accountId, Date.valueOf(from), Date.valueOf(to));
    }

    /** Hands over each report of the range with its PDF, one row at a time (an archive of a year stays small in the heap). */
    @Transactional(readOnly = true)
    void eachWithPdf(long accountId, LocalDate from, LocalDate to, java.util.function.BiConsumer<Stored, byte[]> each) {
        streaming.query("select " + COLUMNS + ", pdf from reports where account_id = ? and period_end >= ? and period_end <= ?"
                + " order by period_end, type, period_start", rs -> {
                    each.accept(ROW.mapRow(rs, 0), rs.getBytes("pdf"));
                }, accountId, Date.valueOf(from), Date.valueOf(to));
    }

    /** How many reports the account has and the end of the latest period (null when none). */
    record Overview(long count, LocalDate latestEnd) {
    }

    @Transactional(readOnly = true)
    Overview overview(long accountId) {
        return jdbc.queryForObject("select count(*), max(period_end) from reports where account_id = ?", (rs, n) ->
                new Overview(rs.getLong(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()), accountId);
    }

    @Transactional(readOnly = true)
    long storageBytes() {
        Long sum = jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from reports", Long.class);
        return sum == null ? 0 : sum;
    }

    /** Bytes per account that has reports. */
    @Transactional(readOnly = true)
    void sizesByAccount(Consumer<long[]> each) {
        jdbc.query("select account_id, coalesce(sum(size_bytes), 0) from reports group by account_id",
                rs -> {
                    each.accept(new long[] {rs.getLong(1), rs.getLong(2)});
                });
    }

    /** Removes reports generated before the cutoff, of every account or of the given ones. */
    @Transactional
    long purgeGeneratedBefore(Instant cutoff, List<Long> onlyAccounts) {
        if (onlyAccounts == null) {
            return jdbc.update("delete from reports where generated_at < ?", Timestamp.from(cutoff));
        }
        long removed = 0;
        for (Long account : onlyAccounts) {
            removed += jdbc.update("delete from reports where account_id = ? and generated_at < ?", account,
                    Timestamp.from(cutoff));
        }
        return removed;
    }
}
