package tmsp.maintenance;

import java.sql.DatabaseMetaData;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The storage of a module's tables, for {@link RetainedData#storageBytes()}. PostgreSQL: {@code pg_total_relation_size}
 * (table, indexes, TOAST). H2: {@code DISK_SPACE_USED}, an estimate of the table's pages as last written to the file
 * (indexes not counted; it lags until H2 writes its pages; 0 for an in-memory database).
 */
public final class TableStorage {

    private TableStorage() {
    }

    /** @param tables names of plain tables in the current schema, as written in the migrations */
    public static long bytes(JdbcTemplate jdbc, String... tables) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> isPostgres(c.getMetaData())));
        String size = postgres ? "pg_total_relation_size(?::regclass)" : "disk_space_used(?)";
        long total = 0;
        for (String table : tables) {
            Long bytes = jdbc.queryForObject("select " + size, Long.class, table);
            total += bytes == null ? 0 : bytes;
        }
        return total;
    }

    private static boolean isPostgres(DatabaseMetaData metadata) throws java.sql.SQLException {
        return "PostgreSQL".equalsIgnoreCase(metadata.getDatabaseProductName());
    }
}
