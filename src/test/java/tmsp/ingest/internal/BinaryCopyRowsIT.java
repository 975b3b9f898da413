package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import tmsp.ingest.Detection;
import tmsp.ingest.Direction;
import tmsp.ingest.GeneratedLines;
import tmsp.ingest.LineParser;
import tmsp.ingest.LogFormat;
import tmsp.ingest.Severity;
import tmsp.support.IntegrationTest;

/**
 * The binary COPY rows store exactly what the CSV rows stored before (CsvCopyRows, the former encoding): the same
 * detections go into two temporary tables shaped like detections, one each way, and PostgreSQL finds no row in
 * one that is not in the other. The detections are those the parsers make of generated lines (valid and broken,
 * all formats) and hand-made ones with the awkward values: NUL, quotes, backslashes, line breaks, non-ASCII and
 * unpaired surrogates, null extra values, times between microseconds.
 */
@IntegrationTest
class BinaryCopyRowsIT {

    static final String COLUMNS = String.join(", ", DetectionColumns.NAMES);

    @Autowired DataSource dataSource;
    @Autowired ObjectMapper json;

    @Test
    void binaryRowsStoreWhatCsvRowsStored() throws Exception {
        List<Detection> detections = new ArrayList<>(awkward());
        LineParser parser = new LineParser();
        List<String> lines = new ArrayList<>(GeneratedLines.valid(500));
        lines.addAll(GeneratedLines.hostile(200));
        for (String line : lines) {
            if (parser.parse(line) instanceof Detection detection) {
                detections.add(detection);
            }
        }
        DetectionSink.Batch batch = new DetectionSink.Batch(UUID.randomUUID(), 7, 9,
                Instant.parse("2026-11-27T10:00:00.123456789Z"));
        CsvCopyRows csv = new CsvCopyRows(batch, json, 1024);
        BinaryCopyRows binary = new BinaryCopyRows(batch, 1024);
        binary.header();
        detections.forEach(d -> {
            csv.add(d);
            binary.add(d);
        });
        binary.trailer();
        byte[] csvBytes = csv.take();
        byte[] binaryBytes = java.util.Arrays.copyOf(binary.bytes(), binary.size());

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("create temp table csv_rows (like detections including defaults) on commit drop");
                sql.execute("create temp table binary_rows (like detections including defaults) on commit drop");
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long fromCsv = copy.copyIn("COPY csv_rows (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new ByteArrayInputStream(csvBytes));
                long fromBinary = copy.copyIn("COPY binary_rows (" + COLUMNS + ") FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(binaryBytes));
                assertThat(fromCsv).isEqualTo(detections.size());
                assertThat(fromBinary).isEqualTo(detections.size());
                assertThat(count(sql, "select " + COLUMNS + " from csv_rows except all select " + COLUMNS
                        + " from binary_rows")).isZero();
                assertThat(count(sql, "select " + COLUMNS + " from binary_rows except all select " + COLUMNS
                        + " from csv_rows")).isZero();
                assertThat(count(sql, "select 1 from binary_rows where extra <> '{}'")).as("extra maps compared")
                        .isGreaterThan(100);
            } finally {
                connection.rollback();
            }
        }
        assertThat(detections.size()).as("detections compared").isGreaterThan(1500);
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery("select count(*) from (" + query + ") q")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Detection> awkward() {
        List<Detection> list = new ArrayList<>();
        String[] texts = {"plain", "", " ", "quote \" and \"\" and ,comma", "back\\slash \\N \\.", "line\nbreak\r\n",
                "tab\there", "nul\0inside", "\0", "é ü ß", "emoji \uD83D\uDE00", "lone \uD800 high", "lone \uDC00 low",
                "\uFFFD", "line separator \u2028", "\u0001\u001F control", "{\"json\": [1]}", "NULL", "\\\\."};
        long[] nanos = {0, 1, 499, 500, 501, 999, 1_000, 1_500, 2_500, 123_456_789, 999_999_500, 999_999_999};
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            Detection.Builder b = Detection.builder(LogFormat.values()[i % LogFormat.values().length])
                    .raw(text).vendor(text).product(text).productVersion(text).eventId(text).eventName(text)
                    .deviceExternalId(text).severity(Severity.values()[i % Severity.values().length]).threatType(text)
                    .threatName(text).ruleId(text).ruleName(text).action(text).sourceAddress(text).sourceHost(text)
                    .sourcePort(i % 2 == 0 ? null : i * 1000).sourceMac(text).destinationAddress(text)
                    .destinationHost(text).destinationPort(i % 3 == 0 ? 65535 : 0).destinationMac(text)
                    .interestedAddress(text).peerAddress(text).fileName(text).fileHash(text).url(text)
                    .direction(i % 3 == 0 ? null : Direction.values()[i % 2]).attackPhase(text)
                    .count(i == 0 ? Long.MAX_VALUE : i)
                    .putExtra("k" + i, text).putExtra(text, "value").putExtra("null value " + i, null);
            if (i % 4 != 0) {
                b.eventTime(Instant.ofEpochSecond(1_764_000_000L + i * 86_400L, nanos[i % nanos.length]));
            }
            list.add(b.build());
        }
        for (long n : nanos) {
            list.add(Detection.builder(LogFormat.JSON).raw("time " + n)
                    .eventTime(Instant.ofEpochSecond(0, n)).build());
            list.add(Detection.builder(LogFormat.JSON).raw("time " + n)
                    .eventTime(Instant.parse("9999-12-31T23:59:58Z").plusNanos(n)).build());
            list.add(Detection.builder(LogFormat.JSON).raw("time " + n)
                    .eventTime(Instant.parse("2000-01-01T00:00:00Z").minusNanos(n)).build());
        }
        list.add(Detection.builder(LogFormat.CEF).raw("empty").build());
        return list;
    }
}
