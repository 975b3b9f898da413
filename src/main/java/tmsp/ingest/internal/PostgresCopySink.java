package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tmsp.ingest.Detection;

/** Streams detections into PostgreSQL with COPY on the transaction's own connection. */
final class PostgresCopySink implements DetectionSink {

    private static final int FLUSH_AT = 256 * 1024;
    private static final String SQL = "COPY detections (" + String.join(", ", DetectionColumns.NAMES)
            + ") FROM STDIN (FORMAT csv)";

    private final CopyIn copy;
    private final Batch batch;
    private final ObjectMapper json;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean open = true;

    PostgresCopySink(Connection connection, Batch batch, ObjectMapper json) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        this.batch = batch;
        this.json = json;
    }

    @Override
    public void add(Detection detection) {
        Object[] values = DetectionColumns.values(detection, batch, json);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            csv(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void csv(Object value) {
        if (value == null) {
            return; // an unquoted empty field is NULL
        }
        if (value instanceof Instant instant) {
            buffer.append(instant);
        } else if (value instanceof Number || value instanceof java.util.UUID) {
            buffer.append(value);
        } else {
            String s = value.toString();
            buffer.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
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
