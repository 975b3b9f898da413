package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pasted lines for a rule test: parsed as uploads are, refused line by line with their numbers, and bounded. */
class PastedLinesTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String JSON = "{\"eventTime\":\"2026-11-20T10:00:00Z\",\"severity\":\"high\",\"threatName\":\"WORM_X\","
            + "\"sourceHost\":\"pc-1\",\"destinationAddress\":\"203.0.113.5\"}";
    static final String CEF = "CEF:0|Trend Micro|Deep Discovery Inspector|6.7|100120|Logon failed|6|"
            + "rt=Nov 20 2026 10:00:05 UTC src=10.0.0.7 shost=pc-7 dst=10.0.0.9 suser=alice app=SMB malType=WORM";

    @Test
    void goodLinesBecomeDetectionsNumberedByTheirLine() {
        PastedLines.Parsed parsed = PastedLines.parse(JSON + "\n\n" + CEF + "\n", 5, NOW);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.detections()).hasSize(2);
        StoredDetection first = parsed.detections().get(0);
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.accountId()).isEqualTo(5);
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(first.threatName()).isEqualTo("WORM_X");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        StoredDetection cef = parsed.detections().get(1);
        assertThat(cef.id()).as("the blank line still counts").isEqualTo(3);
        assertThat(cef.user()).as("suser, as a stored row's extension").isEqualTo("alice");
        assertThat(cef.application()).isEqualTo("SMB");
        assertThat(cef.threatType()).as("malType is a threat type source in CEF").isEqualTo("WORM");
        assertThat(cef.sourceHost()).isEqualTo("pc-7");
    }

    @Test
    void badAndTruncatedLinesAreRefusedWithTheirNumberAndReason() {
        PastedLines.Parsed parsed = PastedLines.parse(JSON + "\r\nnot a log line\r\n" + JSON.substring(0, 30) + "\r\n"
                + "CEF:0|only|three", 1, NOW);

        assertThat(parsed.detections()).hasSize(1);
        assertThat(parsed.errors()).extracting(ParseError::lineNumber).containsExactly(2L, 3L, 4L);
        assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void aLineWithoutTimeTakesTheTimeOfPasting() {
        PastedLines.Parsed parsed = PastedLines.parse("{\"severity\":\"low\",\"threatName\":\"X\"}", 1, NOW);

        assertThat(parsed.detections()).singleElement().satisfies(d -> assertThat(d.eventTime()).isEqualTo(NOW));
    }

    @Test
    void nothingTooManyLinesAndTooManyBytesAreRefusedWhole() {
        assertThatThrownBy(() -> PastedLines.parse(" \n\n ", 1, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No log lines");
        assertThatThrownBy(() -> PastedLines.parse(null, 1, NOW)).isInstanceOf(IllegalArgumentException.class);
        String tooMany = (JSON + "\n").repeat(PastedLines.MAX_LINES + 1);
        assertThatThrownBy(() -> PastedLines.parse(tooMany, 1, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10001 lines");
        String justEnough = (JSON + "\n").repeat(PastedLines.MAX_LINES) + "\n\n\n";
        assertThat(PastedLines.parse(justEnough, 1, NOW).detections()).hasSize(PastedLines.MAX_LINES);
        String wide = "{\"threatName\":\"" + "é".repeat(PastedLines.MAX_BYTES / 2) + "\"}";
        assertThatThrownBy(() -> PastedLines.parse(wide, 1, NOW)).as("counted in UTF-8 bytes, not characters")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 MB");
    }

    @Test
    void hostileLinesAreErrorsNotExceptions() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String control = "CEF:0|a|b|1|2|\u0000\u0007name|5|src=10.0.0.1";
        String huge = "{\"threatName\":\"" + "x".repeat(ParseOptions.DEFAULT_MAX_LINE_LENGTH + 10) + "\"}";
        PastedLines.Parsed parsed = PastedLines.parse(String.join("\n", deep, control, huge, "{\"eventTime\":"), 1, NOW);

        assertThat(parsed.errors()).extracting(ParseError::lineNumber).contains(1L, 3L, 4L);
        assertThat(parsed.errors().size() + parsed.detections().size()).isEqualTo(4);
    }
}
