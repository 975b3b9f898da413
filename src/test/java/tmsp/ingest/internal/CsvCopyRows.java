package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tmsp.ingest.Detection;

/**
 * Detections as rows of COPY's CSV format: how PostgresCopySink sent them before it used the binary format,
 * kept as the reference that BinaryCopyRowsIT compares the binary rows with.
 */
final class CsvCopyRows {

    private final DetectionSink.Batch batch;
    private final ObjectMapper json;
    private final StringBuilder buffer;

    CsvCopyRows(DetectionSink.Batch batch, ObjectMapper json, int capacity) {
        this.batch = batch;
        this.json = json;
        this.buffer = new StringBuilder(capacity);
    }

    void add(Detection detection) {
        Object[] values = DetectionColumns.values(detection, batch, json);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            csv(values[i]);
        }
        buffer.append('\n');
    }

    /** Characters collected so far. */
    int length() {
        return buffer.length();
    }

    /** The rows collected so far as UTF-8, and an empty buffer. */
    byte[] take() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        return bytes;
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
}
