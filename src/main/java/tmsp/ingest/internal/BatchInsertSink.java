package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.ingest.Detection;

/** The embedded database's way: batched inserts of a thousand rows. */
final class BatchInsertSink implements DetectionSink {

    private static final int BATCH = 1000;
    private static final String SQL = "insert into detections (" + String.join(", ", DetectionColumns.NAMES)
            + ") values (" + String.join(", ", Collections.nCopies(DetectionColumns.NAMES.size(), "?")) + ")";

    private final JdbcTemplate jdbc;
    private final Batch batch;
    private final ObjectMapper json;
    private final List<Object[]> rows = new ArrayList<>(BATCH);
    private long written;

    BatchInsertSink(JdbcTemplate jdbc, Batch batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    @Override
    public void add(Detection detection) {
        Object[] values = DetectionColumns.values(detection, batch, json);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Instant instant) {
                values[i] = Timestamp.from(instant);
            }
        }
        rows.add(values);
        if (rows.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(SQL, rows);
            written += rows.size();
            rows.clear();
        }
    }

    @Override
    public long finish() {
        flush();
        return written;
    }

    @Override
    public void close() {
        rows.clear();
    }
}
