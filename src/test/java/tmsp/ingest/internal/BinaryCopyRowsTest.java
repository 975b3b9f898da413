package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Detection;
import tmsp.ingest.LogFormat;
import tmsp.ingest.Severity;

/** The framing of COPY's binary format; BinaryCopyRowsIT checks with PostgreSQL that the values come out right. */
class BinaryCopyRowsTest {

    static final DetectionSink.Batch BATCH = new DetectionSink.Batch(
            UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"), 7, 9, Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void timesAreMicrosecondsSince2000RoundedLikePostgresReadsText() {
        assertThat(BinaryCopyRows.timestamp(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(BinaryCopyRows.timestamp(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(-946_684_800_000_000L);
        assertThat(BinaryCopyRows.timestamp(Instant.parse("2000-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002);
        // half a microsecond: to even, as rint() in PostgreSQL's ParseFractionalSecond
        assertThat(BinaryCopyRows.timestamp(Instant.ofEpochSecond(946_684_800L, 500))).isZero();
        assertThat(BinaryCopyRows.timestamp(Instant.ofEpochSecond(946_684_800L, 1_500))).isEqualTo(2);
        assertThat(BinaryCopyRows.timestamp(Instant.ofEpochSecond(946_684_800L, 2_500))).isEqualTo(2);
        assertThat(BinaryCopyRows.timestamp(Instant.ofEpochSecond(946_684_800L, 999_999_999))).isEqualTo(1_000_000);
    }

    @Test
    void aStreamIsHeaderRowsOfAllColumnsAndTrailer() {
        BinaryCopyRows rows = new BinaryCopyRows(BATCH, 16);
        rows.header();
        rows.add(Detection.builder(LogFormat.CEF).raw("raw\0line").severity(Severity.HIGH).sourcePort(443)
                .putExtra("k", "v\"").build());
        rows.trailer();
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(rows.bytes(), rows.size()));
        byte[] signature = new byte[11];
        in.get(signature);
        assertThat(signature).isEqualTo("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(in.getInt()).as("flags").isZero();
        assertThat(in.getInt()).as("header extension").isZero();
        assertThat(in.getShort()).isEqualTo((short) DetectionColumns.NAMES.size());
        byte[][] fields = new byte[DetectionColumns.NAMES.size()][];
        for (int i = 0; i < fields.length; i++) {
            int length = in.getInt();
            if (length >= 0) {
                fields[i] = new byte[length];
                in.get(fields[i]);
            }
        }
        assertThat(in.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(in.hasRemaining()).isFalse();

        assertThat(ByteBuffer.wrap(fields[column("event_time")]).getLong()).as("no event time: received")
                .isEqualTo(BinaryCopyRows.timestamp(BATCH.receivedAt()));
        assertThat(ByteBuffer.wrap(fields[column("account_id")]).getLong()).isEqualTo(7);
        assertThat(ByteBuffer.wrap(fields[column("product_id")]).getLong()).isEqualTo(9);
        ByteBuffer uuid = ByteBuffer.wrap(fields[column("upload_id")]);
        assertThat(new UUID(uuid.getLong(), uuid.getLong())).isEqualTo(BATCH.uploadId());
        assertThat(text(fields[column("format")])).isEqualTo("CEF");
        assertThat(ByteBuffer.wrap(fields[column("severity")]).getShort()).isEqualTo((short) Severity.HIGH.ordinal());
        assertThat(ByteBuffer.wrap(fields[column("src_port")]).getInt()).isEqualTo(443);
        assertThat(fields[column("dst_port")]).isNull();
        assertThat(fields[column("vendor")]).isNull();
        assertThat(ByteBuffer.wrap(fields[column("event_count")]).getLong()).isEqualTo(1);
        assertThat(fields[column("extra")][0]).as("jsonb version").isEqualTo((byte) 1);
        assertThat(text(Arrays.copyOfRange(fields[column("extra")], 1, fields[column("extra")].length)))
                .isEqualTo("{\"k\":\"v\\\"\"}");
        assertThat(text(fields[column("raw")])).isEqualTo("raw\uFFFDline");
    }

    @Test
    void theBufferGrowsAndClears() {
        BinaryCopyRows rows = new BinaryCopyRows(BATCH, 16);
        for (int i = 0; i < 1000; i++) {
            rows.add(Detection.builder(LogFormat.JSON).raw("x".repeat(i)).build());
        }
        assertThat(rows.size()).isGreaterThan(1000 * 999 / 2);
        rows.clear();
        assertThat(rows.size()).isZero();
    }

    private static int column(String name) {
        return DetectionColumns.NAMES.indexOf(name);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
