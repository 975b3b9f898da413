package tmsp.ingest.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, creates one partition of detections per UTC day, a week behind and a week ahead, before
 * uploads need them: creating a partition locks the parent, so it never happens inside an upload. Days
 * outside that window fall into the default partition; a day whose rows already sit there keeps them there.
 */
@Component
class DetectionPartitions {

    private static final Logger log = LoggerFactory.getLogger(DetectionPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final int DAYS_AROUND = 7;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    DetectionPartitions(JdbcTemplate jdbc, DataSource dataSource) throws java.sql.SQLException {
        this.jdbc = jdbc;
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        }
    }

    /** Partitions, COPY: what only PostgreSQL has; the embedded database takes plain batches. */
    boolean onPostgres() {
        return postgres;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 5 0 * * *", zone = "UTC")
    public void prepare() {
        if (!postgres) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int d = -DAYS_AROUND; d <= DAYS_AROUND; d++) {
            create(today.plusDays(d));
        }
    }

    void create(LocalDate day) {
        String table = "detections_p" + NAME.format(day);
        Timestamp from = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Boolean exists = jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table);
        if (Boolean.TRUE.equals(exists)) {
            return;
        }
        Boolean stranded = jdbc.queryForObject(
                "select exists (select 1 from detections_default where event_time >= ? and event_time < ?)",
                Boolean.class, from, to);
        if (Boolean.TRUE.equals(stranded)) {
            log.info("Detections of {} already sit in the default partition; {} is not created", day, table);
            return;
        }
        jdbc.execute("create table if not exists " + table + " partition of detections for values from ('"
                + from.toInstant() + "') to ('" + to.toInstant() + "')");
    }
}
