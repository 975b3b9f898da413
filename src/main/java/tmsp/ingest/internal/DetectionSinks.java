package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Opens the sink of the database at hand on the current transaction: COPY on PostgreSQL, batches on H2. */
@Component
class DetectionSinks {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final boolean postgres;

    DetectionSinks(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json, DetectionPartitions partitions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.postgres = partitions.onPostgres();
    }

    DetectionSink open(DetectionSink.Batch batch) {
        if (!postgres) {
            return new BatchInsertSink(jdbc, batch, json);
        }
        try {
            return new PostgresCopySink(DataSourceUtils.getConnection(dataSource), batch);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
        }
    }
}
