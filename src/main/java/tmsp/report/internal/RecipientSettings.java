package tmsp.report.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who of an account receives which scheduled reports, by recipient key (report_recipients). */
@Component
class RecipientSettings {

    record Setting(String recipientKey, Set<ReportType> types) {

        boolean receives(ReportType type) {
            return types.contains(type);
        }
    }

    private final JdbcTemplate jdbc;

    RecipientSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Setting> of(long accountId) {
        return jdbc.query("select recipient_key, daily, weekly, monthly from report_recipients where account_id = ?"
                + " order by recipient_key", (rs, n) -> {
                    Set<ReportType> types = EnumSet.noneOf(ReportType.class);
                    if (rs.getBoolean("daily")) {
                        types.add(ReportType.DAILY);
                    }
                    if (rs.getBoolean("weekly")) {
                        types.add(ReportType.WEEKLY);
                    }
                    if (rs.getBoolean("monthly")) {
                        types.add(ReportType.MONTHLY);
                    }
                    return new Setting(rs.getString("recipient_key"), types);
                }, accountId);
    }

    /** Adds the recipient (receiving every scheduled report) or leaves them as they are. */
    @Transactional
    void add(long accountId, String recipientKey) {
        if (jdbc.queryForObject("select count(*) from report_recipients where account_id = ? and recipient_key = ?",
                Long.class, accountId, recipientKey) == 0) {
            jdbc.update("insert into report_recipients (account_id, recipient_key, daily, weekly, monthly)"
                    + " values (?, ?, true, true, true)", accountId, recipientKey);
        }
    }

    @Transactional
    void choose(long accountId, String recipientKey, Set<ReportType> types) {
        jdbc.update("update report_recipients set daily = ?, weekly = ?, monthly = ? where account_id = ?"
                        + " and recipient_key = ?", types.contains(ReportType.DAILY), types.contains(ReportType.WEEKLY),
                types.contains(ReportType.MONTHLY), accountId, recipientKey);
    }

    @Transactional
    void remove(long accountId, String recipientKey) {
        jdbc.update("delete from report_recipients where account_id = ? and recipient_key = ?", accountId, recipientKey);
    }
}
