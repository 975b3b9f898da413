package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static tmsp.ingest.Outcomes.code;
import static tmsp.ingest.Outcomes.detection;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeefParserTest {

    final LeefParser parser = new LeefParser();

    @Test
    void readsAQradarStyleLeef10Line() {
        String line = "LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.10\tdst=172.50.123.1\tsev=5"
                + "\tcat=anomaly\tsrcPort=81\tdstPort=21\tusrName=joe.black\tsrcMAC=00:0C:29:AA:BB:CC"
                + "\tdstMAC=00:0C:29:DD:EE:FF\turl=http://x/?a=b\taction=blocked\tdevTime=1425891921000";
        Detection d = detection(parser.parse(line));
        assertThat(d.format()).isEqualTo(LogFormat.LEEF);
        assertThat(d.vendor()).isEqualTo("Microsoft");
        assertThat(d.product()).isEqualTo("MSExchange");
        assertThat(d.productVersion()).isEqualTo("4.0 SP1");
        assertThat(d.eventId()).isEqualTo("15345");
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(d.severity()).isEqualTo(Severity.LOW);
        assertThat(d.sourceAddress()).isEqualTo("192.0.2.10");
        assertThat(d.destinationAddress()).isEqualTo("172.50.123.1");
        assertThat(d.sourcePort()).isEqualTo(81);
        assertThat(d.destinationPort()).isEqualTo(21);
        assertThat(d.sourceMac()).isEqualTo("00:0C:29:AA:BB:CC");
        assertThat(d.destinationMac()).isEqualTo("00:0C:29:DD:EE:FF");
        assertThat(d.url()).isEqualTo("http://x/?a=b");
        assertThat(d.action()).isEqualTo("blocked");
        assertThat(d.extra()).containsExactly(entry("cat", "anomaly"), entry("usrName", "joe.black"));
        assertThat(d.raw()).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "x5E", "0x5E", "X5e", "\\x5E"})
    void leef20TakesTheDelimiterAsACharacterOrInHex(String delimiter) {
        Detection d = detection(parser.parse("LEEF:2.0|Lancope|StealthWatch|1.0|41|" + delimiter
                + "|src=10.0.1.8^dst=10.0.0.5^sev=8^cat=anomaly^srcPort=81^dstPort=21^usrName=joe black\tjr"));
        assertThat(d.sourceAddress()).isEqualTo("10.0.1.8");
        assertThat(d.destinationAddress()).isEqualTo("10.0.0.5");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.sourcePort()).isEqualTo(81);
        assertThat(d.destinationPort()).isEqualTo(21);
        assertThat(d.extra()).containsExactly(entry("cat", "anomaly"), entry("usrName", "joe black\tjr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x09", "0x09", "\\t", "\t", ""})
    void leef20TabDelimiterForms(String delimiter) {
        Detection d = detection(parser.parse("LEEF:2.0|V|P|1|E|" + delimiter + "|src=10.0.0.1\tsev=2\tk=a^b"));
        assertThat(d.sourceAddress()).isEqualTo("10.0.0.1");
        assertThat(d.severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(d.extra()).containsExactly(entry("k", "a^b"));
    }

    @Test
    void aPipeCanBeTheDelimiterWhenWrittenInHex() {
        Detection d = detection(parser.parse("LEEF:2.0|V|P|1|E|x7C|src=10.0.0.1|dst=10.0.0.2|msg=a^b"));
        assertThat(d.sourceAddress()).isEqualTo("10.0.0.1");
        assertThat(d.destinationAddress()).isEqualTo("10.0.0.2");
        assertThat(d.extra()).containsExactly(entry("msg", "a^b"));
    }

    @Test
    void leef20WithoutTheDelimiterFieldIsTabSeparated() {
        // Trend Micro Deep Security sample from the QRadar DSM guide, syslog header included.
        String line = "<182>Jul 14 01:32:31 trendmicro.deepsecurity.test LEEF:2.0|Trend Micro|Deep Security Manager"
                + "|11.0.221|851|cat=System\tname=Reconnaissance Detected: Network or Port Scan\tdesc=The Agent"
                + " detected an attempt to scan a computer or a network.\tsev=6\tsrc=192.168.187.196\tusrName=qradar"
                + "\ttarget=testTarget6\tTrendMicroDsTenant=Primary\tTrendMicroDsTenantId=0";
        Detection d = detection(parser.parse(line));
        assertThat(d.vendor()).isEqualTo("Trend Micro");
        assertThat(d.product()).isEqualTo("Deep Security Manager");
        assertThat(d.eventId()).isEqualTo("851");
        assertThat(d.eventName()).isEqualTo("Reconnaissance Detected: Network or Port Scan");
        assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(d.sourceAddress()).isEqualTo("192.168.187.196");
        assertThat(d.extra()).containsExactly(
                entry("syslogPriority", "182"),
                entry("syslogTimestamp", "Jul 14 01:32:31"),
                entry("syslogHost", "trendmicro.deepsecurity.test"),
                entry("cat", "System"),
                entry("desc", "The Agent detected an attempt to scan a computer or a network."),
                entry("usrName", "qradar"),
                entry("target", "testTarget6"),
                entry("TrendMicroDsTenant", "Primary"),
                entry("TrendMicroDsTenantId", "0"));
    }

    @Test
    void doubledAndTrailingDelimitersAreSkippedAndValuesKeepEquals() {
        Detection d = detection(parser.parse("LEEF:1.0|V|P|1|E|a=1\t\tb=x=y\t \tc=\t"));
        assertThat(d.extra()).containsExactly(entry("a", "1"), entry("b", "x=y"), entry("c", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Oct 03 2014 12:34:56.123 GMT;MMM dd yyyy HH:mm:ss.SSS z;2014-10-03T12:34:56.123Z",
            "2024-05-01T10:00:00.000+0200;yyyy-MM-dd'T'HH:mm:ss.SSSZ;2024-05-01T08:00:00Z",
            "01/05/2024 10:00;dd/MM/yyyy HH:mm;2024-05-01T10:00:00Z",
            "1714557600000;;2024-05-01T10:00:00Z",
            "May 01 2024 10:00:00;;2024-05-01T10:00:00Z",
            "May 01 2024 10:00:00.5 UTC;;2024-05-01T10:00:00.500Z",
            "2024-05-01T10:00:00Z;;2024-05-01T10:00:00Z"})
    void devTimeWithItsFormatOrTheDefaults(String devTime, String format, String expected) {
        String formatAttribute = format == null ? "" : "\tdevTimeFormat=" + format;
        Detection d = detection(parser.parse("LEEF:1.0|V|P|1|E|devTime=" + devTime + formatAttribute));
        assertThat(d.eventTime()).isEqualTo(Instant.parse(expected));
        assertThat(d.extra()).isEmpty();
    }

    @Test
    void readerKeysThatWereNotUsedStayInTheExtraMap() {
        Detection d = detection(parser.parse("LEEF:1.0|V|P|1|E|devTimeFormat=yyyy\tsev=\tdevTime="));
        assertThat(d.eventTime()).isNull();
        assertThat(d.extra()).containsExactly(entry("devTimeFormat", "yyyy"), entry("sev", ""), entry("devTime", ""));
    }

    @Test
    void devTimeFormatMayComeAfterDevTime() {
        Detection d = detection(parser.parse("LEEF:2.0|V|P|1|E|^|devTimeFormat=yyyy.MM.dd HH:mm^devTime=2024.05.01 10:00"));
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2024-05-01 10:00:00 junk;yyyy-MM-dd HH:mm:ss",
            "2024-02-30 10:00:00;yyyy-MM-dd HH:mm:ss",
            "10:00;yyyy-MM-dd HH:mm",
            "2024-05-01;yyyy-MM-dd'T",
            "2024-05-01;qqqq",
            "0001-01-01;yyyy-MM-dd",
            "tomorrow;"})
    void unreadableDevTimesAreRejected(String devTime, String format) {
        String formatAttribute = format == null ? "" : "\tdevTimeFormat=" + format;
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|devTime=" + devTime + formatAttribute)))
                .isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
    }

    @Test
    void oddDevTimeFormatsGiveAnAnswerNotADefect() {
        String[] patterns = {"GGGGGGGG", "''", "'", "yyyy'", "S".repeat(40), "kkkk", "u", "XXX", "Z", "w W F E",
                "yyyyyyyyyyyyyyyy", "MMMMMMMMMMMM", "a", "z zzzz", "D", "YYYY-ww-u", "H:m:s.SSSSSSSSS"};
        String[] times = {"", "0", "9".repeat(40), "2024-05-01", "AD", "Z", "+99:99", "Mon", "-1", "\u00e9",
                "24:61:61.999999999", "Friday"};
        for (String pattern : patterns) {
            for (String time : times) {
                ParseOutcome outcome = parser.parse("LEEF:1.0|V|P|1|E|devTime=" + time + "\tdevTimeFormat=" + pattern);
                if (outcome instanceof ParseError error) {
                    assertThat(error.code()).as(pattern + " / " + time).isNotEqualTo(ParseErrorCode.INTERNAL_ERROR);
                }
            }
        }
    }

    @Test
    void devTimeFormatLengthIsLimited() {
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|devTime=1\tdevTimeFormat=" + "y".repeat(65))))
                .isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @CsvSource({"1,INFORMATIONAL", "3,INFORMATIONAL", "4,LOW", "5,LOW", "6,MEDIUM", "7,MEDIUM", "8,HIGH",
            "9,CRITICAL", "10,CRITICAL", "High,HIGH"})
    void sevBands(String sev, Severity expected) {
        assertThat(detection(parser.parse("LEEF:1.0|V|P|1|E|sev=" + sev)).severity()).isEqualTo(expected);
    }

    @Test
    void missingSevIsInformational() {
        assertThat(detection(parser.parse("LEEF:1.0|V|P|1|E|")).severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|sev=11"))).isEqualTo(ParseErrorCode.BAD_SEVERITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xZZ", "ab", "x3D", "=", "x00", "0x0A", "x", "0x"})
    void badDelimitersAreRejected(String delimiter) {
        // "x" alone is a valid one-character delimiter; "0x" is neither a character nor a hex code
        String line = "LEEF:2.0|V|P|1|E|" + delimiter + "|src=10.0.0.1";
        ParseErrorCode expected = delimiter.equals("x") ? null : delimiter.equals("=")
                ? ParseErrorCode.LEEF_BAD_ATTRIBUTE : ParseErrorCode.LEEF_BAD_DELIMITER;
        if (expected == null) {
            assertThat(detection(parser.parse(line)).sourceAddress()).isEqualTo("10.0.0.1");
        } else {
            assertThat(code(parser.parse(line))).isEqualTo(expected);
        }
    }

    @Test
    void malformedLinesGetTheirOwnCodes() {
        assertThat(code(parser.parse("LEEF:3.0|V|P|1|E|a=b"))).isEqualTo(ParseErrorCode.LEEF_BAD_VERSION);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1"))).isEqualTo(ParseErrorCode.LEEF_BAD_HEADER);
        assertThat(code(parser.parse("LEEF:"))).isEqualTo(ParseErrorCode.LEEF_BAD_HEADER);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|src=10.0.0.1\tjunk"))).isEqualTo(ParseErrorCode.LEEF_BAD_ATTRIBUTE);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|=value"))).isEqualTo(ParseErrorCode.LEEF_BAD_ATTRIBUTE);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|my key=v"))).isEqualTo(ParseErrorCode.LEEF_BAD_ATTRIBUTE);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|srcPort=http"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|src=::g"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|" + "k".repeat(129) + "=v")))
                .isEqualTo(ParseErrorCode.KEY_TOO_LONG);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|" + "a=b\t".repeat(513))))
                .isEqualTo(ParseErrorCode.TOO_MANY_KEYS);
        assertThat(code(parser.parse("CEF:0|V|P|1|1|N|5|"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|E|a=\u0001"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
    }

    @Test
    void headerPipesMayBeEscaped() {
        Detection d = detection(parser.parse("LEEF:1.0|Acme\\|Corp|P\\\\Q|1|E|a=b"));
        assertThat(d.vendor()).isEqualTo("Acme|Corp");
        assertThat(d.product()).isEqualTo("P\\Q");
    }
}
