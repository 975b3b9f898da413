package tmsp.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.maintenance.RetainedData;

/** The delivery log as log maintenance keeps and purges it (deleted accounts' rows included). */
@Component
class DeliveryLogRetention implements RetainedData {

    private final JdbcTemplate jdbc;

    DeliveryLogRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "mail-deliveries";
    }

    @Override
    public Period defaultRetention() {
        return Period.ofYears(1);
    }

    @Override
    public long storageBytes() {
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        Long bytes = "PostgreSQL".equals(database)
                ? jdbc.queryForObject("select pg_total_relation_size('mail_deliveries')", Long.class)
                : jdbc.queryForObject("select disk_space_used('MAIL_DELIVERIES')", Long.class); // H2
        return bytes == null ? 0 : bytes;
    }

    @Override
    @Transactional
    public long purgeOlderThan(Instant cutoff) {
        return jdbc.update("delete from mail_deliveries where attempted_at < ?", Timestamp.from(cutoff));
    }
}
