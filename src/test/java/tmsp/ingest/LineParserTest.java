package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static tmsp.ingest.Outcomes.code;
import static tmsp.ingest.Outcomes.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LineParserTest {

    final Clock may2024 = Clock.fixed(Instant.parse("2024-05-20T12:00:00Z"), ZoneOffset.UTC);
    final LineParser parser = new LineParser(ParseOptions.defaults().withClock(may2024));

    @Test
    void picksTheParserByTheLinesStart() {
        assertThat(detection(parser.parse("CEF:0|V|P|1|1|N|5|")).format()).isEqualTo(LogFormat.CEF);
        assertThat(detection(parser.parse("LEEF:1.0|V|P|1|E|a=b")).format()).isEqualTo(LogFormat.LEEF);
        assertThat(detection(parser.parse("{\"a\":\"b\"}")).format()).isEqualTo(LogFormat.JSON);
        assertThat(detection(parser.parse("  {\"a\":\"b\"}")).format()).isEqualTo(LogFormat.JSON);
        assertThat(code(parser.parse("GET / HTTP/1.1"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        assertThat(code(parser.parse("[\"CEF\"]"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
    }

    @Test
    void stripsAnRfc5424HeaderAndKeepsItsFields() {
        Detection d = detection(parser.parse("<165>1 2024-05-20T10:11:12.003+02:00 ddi01.example.com ddi 2041 THREAT"
                + " [origin ip=\"10.0.0.9\" note=\"a \\] b\"][meta seq=\"7\"] \uFEFFCEF:0|Trend Micro|DDI|6.7|100|N|8|"
                + "act=allow"));
        assertThat(d.format()).isEqualTo(LogFormat.CEF);
        assertThat(d.action()).isEqualTo("allow");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2024-05-20T08:11:12.003Z"));
        assertThat(d.extra()).containsExactly(
                entry("syslogPriority", "165"),
                entry("syslogTimestamp", "2024-05-20T10:11:12.003+02:00"),
                entry("syslogHost", "ddi01.example.com"),
                entry("syslogAppName", "ddi"),
                entry("syslogProcId", "2041"),
                entry("syslogMsgId", "THREAT"),
                entry("syslogStructuredData", "[origin ip=\"10.0.0.9\" note=\"a \\] b\"][meta seq=\"7\"]"));
    }

    @Test
    void rfc5424NilFieldsAreLeftOut() {
        Detection d = detection(parser.parse("<14>1 - - - - - - LEEF:1.0|V|P|1|E|a=b"));
        assertThat(d.eventTime()).isNull();
        assertThat(d.extra()).containsExactly(entry("syslogPriority", "14"), entry("a", "b"));
    }

    @Test
    void stripsAnRfc3164HeaderWithOrWithoutTagAndPriority() {
        Detection tagged = detection(parser.parse("<13>Jan  8 10:49:41 ddei5 CEF[123]: CEF:0|V|P|1|1|N|5|act=x"));
        assertThat(tagged.extra()).containsExactly(entry("syslogPriority", "13"),
                entry("syslogTimestamp", "Jan  8 10:49:41"), entry("syslogHost", "ddei5"),
                entry("syslogTag", "CEF[123]:"));
        assertThat(tagged.eventTime()).isEqualTo(Instant.parse("2024-01-08T10:49:41Z"));

        Detection bare = detection(parser.parse("May 15 16:00:47 localhost CEF:0|V|P|1|1|N|5|rt=1425891921000"));
        assertThat(bare.extra()).containsExactly(entry("syslogTimestamp", "May 15 16:00:47"),
                entry("syslogHost", "localhost"));
        assertThat(bare.eventTime()).isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));

        Detection hostless = detection(parser.parse("<13>CEF:0|V|P|1|1|N|5|"));
        assertThat(hostless.extra()).containsExactly(entry("syslogPriority", "13"));

        Detection json = detection(parser.parse("<13>Dec 31 23:59:59 host app: {\"threatName\":\"X\"}"));
        assertThat(json.threatName()).isEqualTo("X");
        assertThat(json.eventTime()).isEqualTo(Instant.parse("2023-12-31T23:59:59Z"));
    }

    @Test
    void aRelaysExtraHeaderEndsUpAsThePrefix() {
        // A Palo Alto style double header: 3164 from the relay, then 5424 from the device.
        String line = "Mar 1 20:48:22 gke-pool-1 4465 <14>1 2021-03-01T20:48:22.900Z stream-logfwd20 logforwarder"
                + " - panwlogs - CEF:0|Palo Alto Networks|LF|2.0|THREAT|spyware|1|rt=Mar 01 2021 20:48:21";
        Detection d = detection(parser.parse(line));
        assertThat(d.vendor()).isEqualTo("Palo Alto Networks");
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2021-03-01T20:48:21Z"));
        assertThat(d.extra()).containsOnlyKeys("syslogPrefix");
        assertThat(d.extra().get("syslogPrefix")).startsWith("Mar 1 20:48:22 gke-pool-1 4465 <14>1");
    }

    @Test
    void aDetectionsOwnTimeWinsOverTheSyslogTime() {
        Detection d = detection(parser.parse("<14>1 2024-05-20T10:00:00Z h a - - - {\"eventTime\":0}"));
        assertThat(d.eventTime()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void anUnreadableHeaderIsKeptAsPrefixAndPayloadErrorsStillShow() {
        Detection d = detection(parser.parse("<999>1 - - - - - - CEF:0|V|P|1|1|N|5|"));
        assertThat(d.extra()).containsExactly(entry("syslogPrefix", "<999>1 - - - - - -"));
        assertThat(code(parser.parse("<13>May 15 16:00:47 host CEF:0|V|P|1"))).isEqualTo(ParseErrorCode.CEF_BAD_HEADER);
        assertThat(code(parser.parse("<13>May 15 16:00:47 host app: hello"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        assertThat(code(parser.parse("<13>1 2024-05-20T10:00:00Z h a - - [unclosed CEF"))).isEqualTo(
                ParseErrorCode.UNKNOWN_FORMAT);
    }
}
