package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.util.unit.DataSize;
import tmsp.ingest.Detection;
import tmsp.ingest.LineParser;
import tmsp.ingest.ParseOptions;
import tmsp.ingest.ParseOutcome;

/**
 * CPU time per line of the upload hot path without HTTP and PostgreSQL, on one thread: reading lines, parsing
 * them, encoding the rows for COPY (as CSV, the former way, and binary). Not a test (no assertions, not run by the build); run it from bench/ with
 * {@code bench/ingest-cpu.sh}. The lines are those of bench/ingest-http.sh.
 */
public final class IngestHotPathBench {

    static final int LINES_PER_REQUEST = 500;

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<byte[]> requests = requests(lines);
        IngestLimits limits = new IngestLimits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(500), 65536, 4, 5);
        LineParser parser = new LineParser(ParseOptions.defaults().withMaxLineLength(limits.maxLineLength()));
        ObjectMapper json = new ObjectMapper();
        String[] stages = {"read lines", "read + parse", "read + parse + CSV rows", "read + parse + binary rows"};
        System.out.printf(Locale.ROOT, "%d lines a round in requests of %d, %d rounds (the first two warm up)%n",
                lines, LINES_PER_REQUEST, rounds);
        for (int stage = 0; stage < stages.length; stage++) {
            double[] perLine = new double[rounds];
            long sink = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = cpu();
                for (byte[] request : requests) {
                    sink += run(stage, request, limits, parser, json);
                }
                perLine[r] = (cpu() - t0) / (double) lines;
            }
            double[] measured = Arrays.copyOfRange(perLine, 2, rounds);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "%-24s %7.2f µs/line (median of %d rounds; min %.2f)   [%d]%n", stages[stage],
                    measured[measured.length / 2] / 1000, measured.length, measured[0] / 1000, sink % 10);
        }
    }

    private static long run(int stage, byte[] request, IngestLimits limits, LineParser parser, ObjectMapper json)
            throws IOException {
        LineReader reader = new LineReader(UploadBody.lines(new ByteArrayInputStream(request), false, limits),
                limits.maxLineLength());
        DetectionSink.Batch batch = new DetectionSink.Batch(UUID.randomUUID(), 1, 1, Instant.now());
        CsvCopyRows csv = stage == 2 ? new CsvCopyRows(batch, json, 320 * 1024) : null;
        BinaryCopyRows binary = stage == 3 ? new BinaryCopyRows(batch, 320 * 1024) : null;
        long n = 0;
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (stage == 0) {
                n += line.text().length();
                continue;
            }
            ParseOutcome outcome = parser.parse(line.text());
            if (stage == 1 || !(outcome instanceof Detection detection)) {
                n += outcome instanceof Detection ? 1 : 0;
                continue;
            }
            if (csv != null) {
                csv.add(detection);
                if (csv.length() >= 256 * 1024) {
                    n += csv.take().length;
                }
            } else {
                binary.add(detection);
                if (binary.size() >= 256 * 1024) {
                    n += binary.size();
                    binary.clear();
                }
            }
        }
        n += csv != null ? csv.take().length : binary != null ? binary.size() : 0;
        return n;
    }

    /** The CEF lines of bench/ingest-http.sh, in request bodies of {@value #LINES_PER_REQUEST}. */
    static List<byte[]> requests(int count) {
        List<byte[]> requests = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(String.format(Locale.ROOT, "CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|%d|Malware detected|%d|"
                    + "rt=Nov 27 2026 %02d:%02d:%02d GMT+00:00 deviceExternalId=B3NCH000-0000-4000-8000-000000000001 "
                    + "src=10.%d.%d.%d shost=pc-%d dst=203.0.113.%d dpt=443 act=blocked malType=TROJAN fname=invoice-%d.exe "
                    + "cn3Label=ThreatType cn3=0 msg=TROJ_BENCH.%d found\n",
                    20 + i % 7, 2 + 2 * (i % 4), (i / 3600) % 24, (i / 60) % 60, i % 60, i % 200, (i / 200) % 250, i % 250,
                    i % 5000, i % 250, i % 100, i % 50));
            if (i % LINES_PER_REQUEST == LINES_PER_REQUEST - 1 || i == count - 1) {
                requests.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        return requests;
    }

    private static long cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }
}
