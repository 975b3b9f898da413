package tmsp.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import tmsp.ingest.Detection;

/**
 * Detections as rows of COPY's binary format, in the column order of {@link DetectionColumns#NAMES}, collected in
 * one growing byte array until the sink sends them. PostgreSQL then reads numbers, times and the upload's UUID as
 * they are instead of parsing their text, and the portal writes them without formatting any; text is UTF-8 with
 * a length instead of quoted CSV. The stored values are the same as with CSV (see BinaryCopyRowsIT).
 */
final class BinaryCopyRows {

    /** Signature, flags (no OIDs), no header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final short COLUMNS = (short) DetectionColumns.NAMES.size();
    /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH = 946_684_800L;
    private static final byte JSONB_VERSION = 1;

    private final Instant receivedAt;
    /** The fields every row of the batch shares, encoded once: received_at, account_id, product_id, upload_id. */
    private final byte[] batchFields;
    private final StringBuilder json = new StringBuilder(256);
    private byte[] buffer;
    private int size;

    BinaryCopyRows(DetectionSink.Batch batch, int capacity) {
        this.receivedAt = batch.receivedAt();
        this.buffer = new byte[Math.max(capacity, 64)];
        int8(timestamp(batch.receivedAt()));
        int8(batch.accountId());
        int8(batch.productId());
        uuid(batch.uploadId());
        this.batchFields = Arrays.copyOf(buffer, size);
        size = 0;
    }

    /** The signature that starts a binary COPY stream. */
    void header() {
        bytes(HEADER, 0, HEADER.length);
    }

    /** The end-of-data marker that ends it. */
    void trailer() {
        int2(-1);
    }

    void add(Detection d) {
        int2(COLUMNS);
        int8(timestamp(d.eventTime() == null ? receivedAt : d.eventTime()));
        bytes(batchFields, 0, batchFields.length);
        text(d.format().name());
        int2Field(d.severity().ordinal());
        text(d.vendor());
        text(d.product());
        text(d.productVersion());
        text(d.eventId());
        text(d.eventName());
        text(d.deviceExternalId());
        text(d.threatType());
        text(d.threatName());
        text(d.ruleId());
        text(d.ruleName());
        text(d.action());
        text(d.sourceAddress());
        text(d.sourceHost());
        int4Field(d.sourcePort());
        text(d.sourceMac());
        text(d.destinationAddress());
        text(d.destinationHost());
        int4Field(d.destinationPort());
        text(d.destinationMac());
        text(d.interestedAddress());
        text(d.peerAddress());
        text(d.fileName());
        text(d.fileHash());
        text(d.url());
        text(d.direction() == null ? null : d.direction().name());
        text(d.attackPhase());
        int8(d.count());
        jsonb(d.extra());
        text(d.raw());
    }

    /** Bytes collected so far. */
    int size() {
        return size;
    }

    /** The collected bytes, valid up to {@link #size()} until the next {@link #clear()}. */
    byte[] bytes() {
        return buffer;
    }

    void clear() {
        size = 0;
    }

    /**
     * Microseconds since 2000-01-01 UTC, rounded as PostgreSQL rounds the text of {@link Instant#toString()}:
     * the fraction read as a double, times a million, rounded half to even (ParseFractionalSecond in datetime.c).
     */
    static long timestamp(Instant time) {
        long seconds = time.getEpochSecond() - POSTGRES_EPOCH;
        int nanos = time.getNano();
        long micros = nanos % 1000 == 0 ? nanos / 1000
                : (long) Math.rint(Double.parseDouble("0." + String.format(java.util.Locale.ROOT, "%09d", nanos)) * 1_000_000);
        return seconds * 1_000_000 + micros;
    }

    /** A text field: NUL (which PostgreSQL text cannot hold) as U+FFFD, like {@link DetectionColumns#clean}. */
    private void text(String value) {
        if (value == null) {
            int4(-1);
            return;
        }
        byte[] utf8 = DetectionColumns.clean(value).getBytes(StandardCharsets.UTF_8);
        int4(utf8.length);
        bytes(utf8, 0, utf8.length);
    }

    /** The extra map as a JSON object; jsonb keeps the last value of a repeated key, as a map would. */
    private void jsonb(Map<String, String> extra) {
        json.setLength(0);
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : extra.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            jsonString(entry.getKey());
            json.append(':');
            jsonString(entry.getValue());
        }
        json.append('}');
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        int4(utf8.length + 1);
        ensure(1);
        buffer[size++] = JSONB_VERSION;
        bytes(utf8, 0, utf8.length);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private void jsonString(String text) {
        if (text == null) {
            json.append("null");
            return;
        }
        json.append('"');
        if (plain(text)) {
            json.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\0' -> json.append('\uFFFD');
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** No character that JSON escapes, and no NUL. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void int2Field(int value) {
        int4(2);
        int2(value);
    }

    private void int4Field(Integer value) {
        if (value == null) {
            int4(-1);
        } else {
            int4(4);
            int4(value);
        }
    }

    private void int8(long value) {
        int4(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void uuid(UUID id) {
        int4(16);
        ensure(16);
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (high >>> shift);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (low >>> shift);
        }
    }

    private void int4(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int2(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void bytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
