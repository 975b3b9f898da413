package tmsp.ingest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tmsp.ingest.Detection;

/**
 * Streams detections into PostgreSQL with COPY (binary format, see {@link BinaryCopyRows}) on the transaction's
 * own connection, in chunks of about {@value #FLUSH_AT} bytes.
 */
final class PostgresCopySink implements DetectionSink {

    private static final int FLUSH_AT = 256 * 1024;
    private static final String SQL = "COPY detections (" + String.join(", ", DetectionColumns.NAMES)
            + ") FROM STDIN (FORMAT binary)";

    private final CopyIn copy;
    private final BinaryCopyRows rows;
    private boolean open = true;

    PostgresCopySink(Connection connection, Batch batch) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        this.rows = new BinaryCopyRows(batch, FLUSH_AT + 64 * 1024);
        rows.header();
    }

    @Override
    public void add(Detection detection) {
        rows.add(detection);
        if (rows.size() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() {
        try {
            copy.writeToCopy(rows.bytes(), 0, rows.size());
            rows.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into detections failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long finish() {
        rows.trailer();
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
