package tmsp.maintenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The common case of {@link RetainedData}: rows of one table that go once their time column is before the cutoff.
 * The owning module declares it as a bean with its own table; rows of other tables that hang on them by a foreign
 * key with {@code on delete cascade} go with them and are counted in the storage when named in {@code alsoCounted}.
 */
public final class RetainedRows implements RetainedData {

    private final JdbcTemplate jdbc;
    private final String kind;
    private final Period defaultRetention;
    private final String table;
    private final String timeColumn;
    private final String[] storageTables;

    private RetainedRows(JdbcTemplate jdbc, String kind, Period defaultRetention, String table, String timeColumn,
                         String... alsoCounted) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.defaultRetention = defaultRetention;
        this.table = table;
        this.timeColumn = timeColumn;
        List<String> tables = new ArrayList<>(List.of(table));
        tables.addAll(List.of(alsoCounted));
        this.storageTables = tables.toArray(String[]::new);
    }

    /** Table and column names are the owner's constants, never input. */
    public static RetainedRows of(JdbcTemplate jdbc, String kind, Period defaultRetention, String table,
                                  String timeColumn, String... alsoCounted) {
        return new RetainedRows(jdbc, kind, defaultRetention, table, timeColumn, alsoCounted);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Period defaultRetention() {
        return defaultRetention;
    }

    @Override
    public long storageBytes() {
        return TableStorage.bytes(jdbc, storageTables);
    }

    @Override
    public long purgeOlderThan(Instant cutoff) {
        return jdbc.update("delete from " + table + " where " + timeColumn + " < ?", Timestamp.from(cutoff));
    }
}
