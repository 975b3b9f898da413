package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import tmsp.ingest.CefParser;
import tmsp.ingest.JsonLineParser;
import tmsp.ingest.LeefParser;
import tmsp.ingest.LineParser;
import tmsp.ingest.ParseOptions;
import tmsp.support.Printable;

/**
 * Jazzer targets for every entry point of ingest that reads what an appliance sends: the three line parsers,
 * the syslog header reader, the syslog frame decoder and the upload body. In {@code ./mvnw verify} each replays
 * its corpus, {@code src/test/resources/tmsp/ingest/internal/IngestFuzzTestInputs/<target>/} (regression
 * mode); {@code bench/fuzz.sh} fuzzes them. Lines are the input's bytes read as UTF-8, so corpus entries are
 * plain log lines. The line limit is small here so that the fuzzer's inputs reach past it.
 */
class IngestFuzzTest {

    /**
     * A fuzz test of ingest: no time limit of its own ({@code bench/fuzz.sh} sets one), and an input that takes
     * ten seconds is a hang.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "")
    @interface IngestFuzz {
    }

    static final int LINE_LIMIT = 2048;
    static final ParseOptions OPTIONS = ParseOptions.defaults().withMaxLineLength(LINE_LIMIT);

    private static final CefParser CEF = new CefParser(OPTIONS);
    private static final LeefParser LEEF = new LeefParser(OPTIONS);
    private static final JsonLineParser NDJSON = new JsonLineParser(OPTIONS);
    private static final LineParser ANY = new LineParser(OPTIONS);

    @IngestFuzz
    void cefLine(byte[] input) {
        String line = text(input);
        ParserPromise.check(() -> CEF.parse(line), line, LINE_LIMIT);
    }

    @IngestFuzz
    void leefLine(byte[] input) {
        String line = text(input);
        ParserPromise.check(() -> LEEF.parse(line), line, LINE_LIMIT);
    }

    @IngestFuzz
    void ndjsonLine(byte[] input) {
        String line = text(input);
        ParserPromise.check(() -> NDJSON.parse(line), line, LINE_LIMIT);
    }

    /**
     * The header reader alone (it answers a header or null, never fails) on lines the guard lets through to it,
     * then the line behind it.
     */
    @IngestFuzz
    void syslogLine(byte[] input) {
        String line = text(input);
        if (line.length() <= LINE_LIMIT) {
            readHeader(line);
        }
        ParserPromise.check(() -> ANY.parse(line), line, LINE_LIMIT);
    }

    private static void readHeader(String line) {
        SyslogHeader header = ParserPromise.withinMemory(() -> SyslogHeaderReader.read(line, OPTIONS),
                ParserPromise.bound(line.length(), LINE_LIMIT), "reading the header of " + Printable.of(line));
        if (header != null) {
            assertThat(line).as("the message is what follows the header").endsWith(header.message());
            header.time();
        }
    }

    @IngestFuzz
    void syslogStream(FuzzedDataProvider data) {
        SyslogStreamPromise.check(data);
    }

    @IngestFuzz
    void uploadBody(FuzzedDataProvider data) {
        UploadBodyPromise.check(data);
    }

    /** Any escaped header fields and extension values come back from the CEF parser as they were. */
    @IngestFuzz
    void cefRoundTrip(FuzzedDataProvider data) {
        CefRoundTrip.check(data, CEF);
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
