package tmsp.ingest.internal;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.TableStorage;

/**
 * Log maintenance of detections. On PostgreSQL a whole day partition goes with one {@code drop table} once its day
 * has ended before the cutoff (no row deletes, no bloat, no vacuum); the default partition, which holds days
 * outside the partitions' window, loses its old rows in batches. Partitions ahead are made first, so a purge never
 * leaves uploads without tomorrow's partition. On H2 (one table) old rows are deleted.
 * Incident evidence names detections by id only (no foreign key), so purged detections leave incidents intact.
 */
@Component
class DetectionRetention implements RetainedData {

    private static final Logger log = LoggerFactory.getLogger(DetectionRetention.class);
    private static final String PREFIX = "detections_p";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Rows of the default partition deleted per statement: short transactions, short row locks. */
    static final int DELETE_BATCH = 10_000;
    static final String LOCK_TIMEOUT = "10s";

    private final JdbcTemplate jdbc;
    private final DetectionPartitions partitions;

    DetectionRetention(JdbcTemplate jdbc, DetectionPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    @Override
    public String kind() {
        return "detections";
    }

    @Override
    public Period defaultRetention() {
        return Period.ofDays(90);
    }

    /** PostgreSQL: every partition with its indexes and TOAST. H2: {@link TableStorage}'s estimate. */
    @Override
    public long storageBytes() {
        if (!partitions.onPostgres()) {
            return TableStorage.bytes(jdbc, "detections");
        }
        Long bytes = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(inhrelid)), 0) from pg_inherits"
                + " where inhparent = 'detections'::regclass", Long.class);
        return bytes == null ? 0 : bytes;
    }

    @Override
    public long purgeOlderThan(Instant cutoff) {
        if (!partitions.onPostgres()) {
            return jdbc.update("delete from detections where event_time < ?", Timestamp.from(cutoff));
        }
        partitions.prepare();
        long removed = 0;
        for (String partition : dayPartitions()) {
            LocalDate day = dayOf(partition);
            if (day != null && !day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                removed += drop(partition);
            }
        }
        return removed + deleteFromDefault(cutoff);
    }

    List<String> dayPartitions() {
        return jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'detections'::regclass and c.relname like 'detections\\_p%' order by c.relname",
                String.class);
    }

    private static LocalDate dayOf(String partition) {
        try {
            return LocalDate.parse(partition.substring(PREFIX.length()), DAY);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null; // not one of ours: left alone
        }
    }

    /** Counts the rows (what the run reports), then drops the partition; the name is one we read from the catalog. */
    private long drop(String partition) {
        Long rows = jdbc.queryForObject("select count(*) from " + partition, Long.class);
        // Dropping needs a short exclusive lock on the parent: wait for running uploads at most a while, not forever
        // (a waiting drop queues every new upload behind it). One connection, so the timeout is the drop's own.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set lock_timeout = '" + LOCK_TIMEOUT + "'");
                try {
                    statement.execute("drop table if exists " + partition);
                } finally {
                    statement.execute("reset lock_timeout");
                }
            }
            return null;
        });
        log.info("Detections partition {} dropped ({} rows)", partition, rows);
        return rows == null ? 0 : rows;
    }

    private long deleteFromDefault(Instant cutoff) {
        long removed = 0;
        int deleted;
        do {
            deleted = jdbc.update("delete from detections_default where ctid in (select ctid from detections_default"
                    + " where event_time < ? limit " + DELETE_BATCH + ")", Timestamp.from(cutoff));
            removed += deleted;
        } while (deleted == DELETE_BATCH);
        return removed;
    }
}
