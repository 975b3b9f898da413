package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tmsp.ingest.Detection;

/** Streams detections into PostgreSQL with COPY on the transaction's own connection. */
final class PostgresCopySink implements DetectionSink {

    private static final int FLUSH_AT = 256 * 1024;
    private static final String SQL = "COPY detections (" + String.join(", ", DetectionColumns.NAMES)
            + ") FROM STDIN (FORMAT csv)";

    private final CopyIn copy;
    private final CsvCopyRows rows;
    private boolean open = true;

    PostgresCopySink(Connection connection, Batch batch, ObjectMapper json) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        this.rows = new CsvCopyRows(batch, json, FLUSH_AT + 64 * 1024);
    }

    @Override
    public void add(Detection detection) {
        rows.add(detection);
        if (rows.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() {
        byte[] bytes = rows.take();
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into detections failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long finish() {
        flush();
        try {
            open = false;
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into detections failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (open && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction rolls back anyway
            }
        }
    }
}
