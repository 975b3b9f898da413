package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.springframework.util.unit.DataSize;
import tmsp.appliance.ApplianceApiRefusal;

/**
 * The upload body's promise over any bytes, plain or gzipped, whole or broken off: it reads as exactly the
 * lines it holds (LF ends a line, a CR before it is dropped, a line over the limit comes cut and flagged), or
 * it is refused as too large (413) or as bad gzip (400) — never another failure, never more decompressed than
 * the limit allows.
 */
final class UploadBodyPromise {

    /** Room for the readers' own buffers: the gzip window, the decoder's and the line reader's chunk. */
    private static final long BUFFERS = 1024 * 1024;

    private UploadBodyPromise() {
    }

    static void check(FuzzedDataProvider data) {
        int lineLimit = data.consumeInt(1, 1024);
        long maxBody = data.consumeInt(1, 64 * 1024);
        long maxDecompressed = data.consumeInt(1, 64 * 1024);
        boolean gzip = data.consumeBoolean();
        // Mostly the fuzzer's bytes are compressed here, else it would seldom reach past the gzip header.
        boolean compressHere = gzip && data.consumeBoolean();
        boolean brokenOff = compressHere && data.consumeBoolean();
        int keep = data.consumeInt(0, 1 << 20);
        byte[] plain = data.consumeRemainingAsBytes();
        byte[] body = compressHere ? gzip(plain) : plain;
        if (brokenOff) {
            body = Arrays.copyOf(body, keep % body.length);
        }
        IngestLimits limits = new IngestLimits(DataSize.ofBytes(maxBody), DataSize.ofBytes(maxDecompressed),
                lineLimit, 1, 1);
        byte[] sent = body;
        String what = (gzip ? "gzip " : "") + sent.length + " bytes, limits " + maxBody + "/" + maxDecompressed
                + "/" + lineLimit;
        try {
            List<LineReader.Line> lines = ParserPromise.withinMemory(() -> readAll(sent, gzip, limits),
                    BUFFERS + ParserPromise.BYTES_PER_CHARACTER * (sent.length + (gzip ? maxDecompressed : 0)), what);
            assertThat((long) sent.length).as("accepted body of %s", what).isLessThanOrEqualTo(maxBody);
            assertThat(brokenOff).as("a broken-off gzip body was read as whole: %s", what).isFalse();
            if (!gzip || compressHere) {
                assertThat((long) plain.length).as("unpacked size of %s", what).isLessThanOrEqualTo(
                        gzip ? maxDecompressed : Long.MAX_VALUE);
                assertThat(lines).as("lines of %s", what).isEqualTo(expectedLines(plain, lineLimit));
            }
            lines.forEach(line -> assertThat(line.text().length()).isLessThanOrEqualTo(lineLimit));
        } catch (ApplianceApiRefusal refusal) {
            boolean tooLarge = sent.length > maxBody || (compressHere ? plain.length > maxDecompressed : gzip);
            if (refusal.status() == 413) {
                assertThat(tooLarge).as("413 (%s) for %s", refusal.getMessage(), what).isTrue();
            } else {
                assertThat(refusal.status()).as("refusal (%s) of %s", refusal.getMessage(), what).isEqualTo(400);
                assertThat(gzip && (!compressHere || brokenOff)).as("400 (%s) for %s", refusal.getMessage(), what)
                        .isTrue();
            }
        }
    }

    private static List<LineReader.Line> readAll(byte[] body, boolean gzip, IngestLimits limits) {
        try {
            LineReader reader = new LineReader(UploadBody.lines(new ByteArrayInputStream(body), gzip, limits),
                    limits.maxLineLength());
            List<LineReader.Line> lines = new ArrayList<>();
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines as the endpoint documents them, computed the plain way. */
    static List<LineReader.Line> expectedLines(byte[] plain, int limit) {
        String text = new String(plain, StandardCharsets.UTF_8);
        List<LineReader.Line> lines = new ArrayList<>();
        String[] pieces = text.split("\n", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && piece.isEmpty()) {
                break;
            }
            String content = piece.endsWith("\r") ? piece.substring(0, piece.length() - 1) : piece;
            boolean tooLong = content.length() > limit;
            lines.add(new LineReader.Line(tooLong ? content.substring(0, limit) : content, tooLong));
        }
        return lines;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
