package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static tmsp.ingest.Outcomes.code;
import static tmsp.ingest.Outcomes.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CefParserTest {

    static final String HEADER = "CEF:0|Trend Micro|Deep Discovery Inspector|6.7.1050|100120|Threat detected|6|";

    /** Shaped after Deep Discovery Inspector's syslog content mapping (threat, disruptive application logs). */
    static final String DDI_LINE = "CEF:0|Trend Micro|Deep Discovery Inspector|6.7.1050|100120"
            + "|Disruptive application detected|6|rt=Mar 09 2015 17:05:21 GMT+08:00 dvc=10.1.144.199 dvchost=ddi01"
            + " dvcmac=00:0C:29:6E:CB:F9 deviceExternalId=6B593E17AFB7-40FBBB28-A4CE-0462-A536 cn3Label=ThreatType"
            + " cn3=6 malType=Disruptive application src=10.1.1.5 shost=pc-alice smac=00:0C:29:AA:BB:CC spt=51515"
            + " dst=203.0.113.10 dhost=bad.example.com dpt=443 dmac=00:0C:29:DD:EE:FF deviceDirection=1 act=blocked"
            + " cnt=3 cs1Label=malName cs1=HEUR_NAMETRICK.A cs2Label=PolicyCategory cs2=Deception, social"
            + " engineering interestedIp=10.1.1.5 peerIp=203.0.113.10 fname=Tomb Raider.rar"
            + " fileHash=1EDD5B38DE4729545767088C5CAB395E4197C8F3 request=http://bad.example.com/a?b\\=c"
            + " pAttackPhase=Point of Entry ruleId=52 ruleName=Malware File Downloaded app=HTTP";

    final CefParser parser = new CefParser();

    @Test
    void readsEveryCanonicalFieldOfADeepDiscoveryLine() {
        Detection d = detection(parser.parse(DDI_LINE));

        assertThat(d.format()).isEqualTo(LogFormat.CEF);
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(d.vendor()).isEqualTo("Trend Micro");
        assertThat(d.product()).isEqualTo("Deep Discovery Inspector");
        assertThat(d.productVersion()).isEqualTo("6.7.1050");
        assertThat(d.eventId()).isEqualTo("100120");
        assertThat(d.eventName()).isEqualTo("Disruptive application detected");
        assertThat(d.deviceExternalId()).isEqualTo("6B593E17AFB7-40FBBB28-A4CE-0462-A536");
        assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(d.threatType()).isEqualTo("Disruptive Applications");
        assertThat(d.threatName()).isEqualTo("HEUR_NAMETRICK.A");
        assertThat(d.ruleId()).isEqualTo("52");
        assertThat(d.ruleName()).isEqualTo("Malware File Downloaded");
        assertThat(d.action()).isEqualTo("blocked");
        assertThat(d.sourceAddress()).isEqualTo("10.1.1.5");
        assertThat(d.sourceHost()).isEqualTo("pc-alice");
        assertThat(d.sourcePort()).isEqualTo(51515);
        assertThat(d.sourceMac()).isEqualTo("00:0C:29:AA:BB:CC");
        assertThat(d.destinationAddress()).isEqualTo("203.0.113.10");
        assertThat(d.destinationHost()).isEqualTo("bad.example.com");
        assertThat(d.destinationPort()).isEqualTo(443);
        assertThat(d.destinationMac()).isEqualTo("00:0C:29:DD:EE:FF");
        assertThat(d.interestedAddress()).isEqualTo("10.1.1.5");
        assertThat(d.peerAddress()).isEqualTo("203.0.113.10");
        assertThat(d.fileName()).isEqualTo("Tomb Raider.rar");
        assertThat(d.fileHash()).isEqualTo("1EDD5B38DE4729545767088C5CAB395E4197C8F3");
        assertThat(d.url()).isEqualTo("http://bad.example.com/a?b=c");
        assertThat(d.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(d.attackPhase()).isEqualTo("Point of Entry");
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.extra()).containsExactly(
                entry("dvc", "10.1.144.199"),
                entry("dvchost", "ddi01"),
                entry("dvcmac", "00:0C:29:6E:CB:F9"),
                entry("malType", "Disruptive application"),
                entry("PolicyCategory", "Deception, social engineering"),
                entry("app", "HTTP"));
        assertThat(d.raw()).isEqualTo(DDI_LINE);
    }

    @Test
    void headerEscapesArePipeAndBackslashOnly() {
        Detection d = detection(parser.parse(
                "CEF:0|Acme\\|Corp|Fire\\\\wall|1\\.0|42|Name with \\| pipe|5|"));
        assertThat(d.vendor()).isEqualTo("Acme|Corp");
        assertThat(d.product()).isEqualTo("Fire\\wall");
        assertThat(d.productVersion()).isEqualTo("1\\.0");
        assertThat(d.eventName()).isEqualTo("Name with | pipe");
        assertThat(d.severity()).isEqualTo(Severity.LOW);
        assertThat(d.extra()).isEmpty();
    }

    @Test
    void extensionEscapesAreEqualsBackslashNewlineAndCarriageReturn() {
        Detection d = detection(parser.parse(HEADER
                + "cs1=a\\=b cs2=C:\\\\Windows\\\\System32 cs3=line1\\nline2 cs4=cr\\rhere cs5=tab\\tkept"
                + " cs6=pipe|needs no escape flexString1=end\\"));
        assertThat(d.extra()).containsExactly(
                entry("cs1", "a=b"),
                entry("cs2", "C:\\Windows\\System32"),
                entry("cs3", "line1\nline2"),
                entry("cs4", "cr\rhere"),
                entry("cs5", "tab\\tkept"),
                entry("cs6", "pipe|needs no escape"),
                entry("flexString1", "end\\"));
    }

    @Test
    void valuesRunToTheNextKeyAndKeepSpacesAndStrayEquals() {
        Detection d = detection(parser.parse(HEADER
                + "msg=user bob logged in from 10.0.0.1   act=allow request=http://x/?q=1&r=2 cs1=x\\\\=y"));
        assertThat(d.extra()).containsExactly(entry("msg", "user bob logged in from 10.0.0.1"),
                entry("cs1", "x\\=y"));
        assertThat(d.action()).isEqualTo("allow");
        assertThat(d.url()).isEqualTo("http://x/?q=1&r=2");
    }

    @Test
    void labelsNameCustomFieldsUnlessTheyClashWithAKey() {
        Detection d = detection(parser.parse(HEADER + "cs1Label=act cs1=foo act=allow cs2=unlabelled"
                + " cs3Label=Orphan cs4Label=Same cs4=first cs5Label=Same cs5=second cn1Label=  vLANId cn1=4095"));
        assertThat(d.action()).isEqualTo("allow");
        assertThat(d.extra()).containsExactly(
                entry("cs1Label", "act"),
                entry("cs1", "foo"),
                entry("cs2", "unlabelled"),
                entry("cs3Label", "Orphan"),
                entry("Same", "first"),
                entry("cs5Label", "Same"),
                entry("cs5", "second"),
                entry("vLANId", "4095"));
    }

    @Test
    void firstAliasWinsAndTheOtherIsKept() {
        Detection d = detection(parser.parse(HEADER + "deviceGUID=guid-2 deviceExternalId=guid-1"));
        assertThat(d.deviceExternalId()).isEqualTo("guid-1");
        assertThat(d.extra()).containsExactly(entry("deviceGUID", "guid-2"));

        Detection guidOnly = detection(parser.parse(HEADER + "deviceGUID=guid-2"));
        assertThat(guidOnly.deviceExternalId()).isEqualTo("guid-2");
    }

    @Test
    void fullKeyNamesAndIpv6CustomAddressesAreUnderstood() {
        Detection d = detection(parser.parse(HEADER + "sourceAddress=10.0.0.1 destinationPort=8080"
                + " c6a3Label=Destination IPv6 Address c6a3=2001:db8::1 c6a1Label=InterestedIPv6 c6a1=fe80::1%eth0"
                + " baseEventCount=7 deviceAction=deny fileName=a.exe requestUrl=http://x/"));
        assertThat(d.sourceAddress()).isEqualTo("10.0.0.1");
        assertThat(d.destinationPort()).isEqualTo(8080);
        assertThat(d.destinationAddress()).isEqualTo("2001:db8::1");
        assertThat(d.interestedAddress()).isEqualTo("fe80::1%eth0");
        assertThat(d.count()).isEqualTo(7);
        assertThat(d.action()).isEqualTo("deny");
        assertThat(d.fileName()).isEqualTo("a.exe");
        assertThat(d.url()).isEqualTo("http://x/");
        assertThat(d.extra()).isEmpty();
    }

    @Test
    void threatTypeComesFromTheKeyThenTheLabelThenMalTypeThenPtype() {
        assertThat(detection(parser.parse(HEADER + "ptype=IDS")).threatType()).isEqualTo("IDS");
        assertThat(detection(parser.parse(HEADER + "ptype=IDS malType=TROJAN")).threatType()).isEqualTo("TROJAN");
        assertThat(detection(parser.parse(HEADER + "malType=TROJAN cn3Label=ThreatType cn3=0")).threatType())
                .isEqualTo("File Pattern");
        assertThat(detection(parser.parse(HEADER + "cn3Label=Threat Type cn3=3")).threatType()).isEqualTo("Exploit");
        assertThat(detection(parser.parse(HEADER + "cn3Label=ThreatType cn3=9")).threatType()).isEqualTo("9");
        assertThat(detection(parser.parse(HEADER + "threatType=Malware-related cn3Label=ThreatType cn3=1"))
                .threatType()).isEqualTo("Malware-related");
    }

    @Test
    void absentFieldsAreNullAndCountDefaultsToOne() {
        Detection d = detection(parser.parse("CEF:0|V|P|1|1|N|5|"));
        assertThat(d.eventTime()).isNull();
        assertThat(d.sourceAddress()).isNull();
        assertThat(d.sourcePort()).isNull();
        assertThat(d.direction()).isNull();
        assertThat(d.count()).isEqualTo(1);
        assertThat(detection(parser.parse("CEF:0|V|P|1|1|N|5|src= dhost=")).sourceAddress()).isNull();
    }

    @Test
    void directionTwoMeansUnknownAndStaysInTheExtraMap() {
        Detection d = detection(parser.parse(HEADER + "deviceDirection=2"));
        assertThat(d.direction()).isNull();
        assertThat(d.extra()).containsExactly(entry("deviceDirection", "2"));
        assertThat(detection(parser.parse(HEADER + "deviceDirection=0")).direction()).isEqualTo(Direction.INBOUND);
    }

    @ParameterizedTest
    @CsvSource({
            "0,INFORMATIONAL", "1,INFORMATIONAL", "2,INFORMATIONAL", "3,INFORMATIONAL",
            "4,LOW", "5,LOW", "6,MEDIUM", "7,MEDIUM", "8,HIGH", "9,CRITICAL", "10,CRITICAL",
            "Unknown,INFORMATIONAL", "Informational,INFORMATIONAL", "Low,LOW", "Medium,MEDIUM", "High,HIGH",
            "Very-High,CRITICAL", "very high,CRITICAL", "Critical,CRITICAL", "' 8 ',HIGH"})
    void severityBands(String severity, Severity expected) {
        assertThat(detection(parser.parse("CEF:0|V|P|1|1|N|" + severity + "|")).severity()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "", "5.5", "urgent", "100"})
    void severityOutsideTheBandsIsRejected(String severity) {
        assertThat(code(parser.parse("CEF:0|V|P|1|1|N|" + severity + "|"))).isEqualTo(ParseErrorCode.BAD_SEVERITY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1425891921000;2015-03-09T09:05:21Z",
            "Mar 09 2015 17:05:21;2015-03-09T17:05:21Z",
            "Mar 09 2015 17:05:21.123;2015-03-09T17:05:21.123Z",
            "Mar 09 2015 17:05:21 GMT+08:00;2015-03-09T09:05:21Z",
            "Mar 09 2015 17:05:21.500 UTC;2015-03-09T17:05:21.500Z",
            "Mar 09 2015 17:05:21 EST;2015-03-09T22:05:21Z",
            "Jul 09 2015 17:05:21 CEST;2015-07-09T15:05:21Z",
            "Mar 9 2015 17:05:21 +0100;2015-03-09T16:05:21Z",
            "MAR 09 2015 17:05:21 Z;2015-03-09T17:05:21Z",
            "2015-03-09T17:05:21+02:00;2015-03-09T15:05:21Z",
            "2015-03-09T17:05:21.25Z;2015-03-09T17:05:21.250Z",
            "2015-03-09 17:05:21;2015-03-09T17:05:21Z"})
    void rtTimeFormats(String rt, String expected) {
        assertThat(detection(parser.parse(HEADER + "rt=" + rt)).eventTime()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void datesWithoutYearAreNearestToNowAndZoneLessTimesUseTheDefaultZone() {
        Clock june2015 = Clock.fixed(Instant.parse("2015-06-01T00:00:00Z"), ZoneOffset.UTC);
        Clock newYear2016 = Clock.fixed(Instant.parse("2016-01-02T00:00:00Z"), ZoneOffset.UTC);
        assertThat(detection(new CefParser(ParseOptions.defaults().withClock(june2015))
                .parse(HEADER + "rt=Mar 09 17:05:21")).eventTime()).isEqualTo(Instant.parse("2015-03-09T17:05:21Z"));
        assertThat(detection(new CefParser(ParseOptions.defaults().withClock(newYear2016))
                .parse(HEADER + "rt=Dec 31 23:00:00")).eventTime()).isEqualTo(Instant.parse("2015-12-31T23:00:00Z"));
        assertThat(detection(new CefParser(ParseOptions.defaults().withDefaultZone(ZoneId.of("Europe/Berlin")))
                .parse(HEADER + "rt=Mar 09 2015 17:05:21")).eventTime())
                .isEqualTo(Instant.parse("2015-03-09T16:05:21Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Feb 30 2015 10:00:00", "yesterday", "99999999999999999", "253402300800000",
            "Mar 09 2015 25:00:00", "2015-13-01T00:00:00Z", "Mar 09 2015 17:05:21 Mars/Olympus"})
    void unreadableTimesAreRejected(String rt) {
        assertThat(code(parser.parse(HEADER + "rt=" + rt))).isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEF:", "CEF:0", "CEF:0|", "CEF:0|V|P|1.0|100|Name|5", "CEF:0|V|P|1.0|100|Name",
            "CEF:0|V|P|1.0|100|Name\\|5|", "CEF:0|V\\|P|1.0|100|Name|5"})
    void truncatedHeadersAreRejected(String line) {
        assertThat(code(parser.parse(line))).isEqualTo(ParseErrorCode.CEF_BAD_HEADER);
    }

    @Test
    void malformedLinesGetTheirOwnCodes() {
        assertThat(code(parser.parse("CEF:2|V|P|1|1|N|5|"))).isEqualTo(ParseErrorCode.CEF_BAD_VERSION);
        assertThat(code(parser.parse("CEF:x|V|P|1|1|N|5|"))).isEqualTo(ParseErrorCode.CEF_BAD_VERSION);
        assertThat(code(parser.parse(HEADER + "no pairs at all"))).isEqualTo(ParseErrorCode.CEF_BAD_EXTENSION);
        assertThat(code(parser.parse(HEADER + "junk src=10.0.0.1"))).isEqualTo(ParseErrorCode.CEF_BAD_EXTENSION);
        assertThat(code(parser.parse(HEADER + "spt=http"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "dpt=70000"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "src=host.example.com"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "dst=10.0.0.256"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "peerIp=2001:db8:::1"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "cnt=-1"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse(HEADER + "deviceDirection=in"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("LEEF:1.0|V|P|1|1|src=10.0.0.1"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        assertThat(code(parser.parse("hello world"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
    }

    @Test
    void keyLengthAndKeyCountAreLimited() {
        String key128 = "k".repeat(128);
        assertThat(detection(parser.parse(HEADER + key128 + "=v")).extra()).containsEntry(key128, "v");
        assertThat(code(parser.parse(HEADER + "cs1=a " + key128 + "k=v"))).isEqualTo(ParseErrorCode.KEY_TOO_LONG);

        assertThat(detection(parser.parse(HEADER + pairs(512))).extra()).hasSize(512);
        assertThat(code(parser.parse(HEADER + pairs(513)))).isEqualTo(ParseErrorCode.TOO_MANY_KEYS);
        assertThat(code(new CefParser(ParseOptions.defaults().withMaxKeys(2)).parse(HEADER + pairs(3))))
                .isEqualTo(ParseErrorCode.TOO_MANY_KEYS);
    }

    @Test
    void hostileCharactersAndSizesAreRejectedNotThrown() {
        assertThat(code(parser.parse(null))).isEqualTo(ParseErrorCode.EMPTY_LINE);
        assertThat(code(parser.parse(""))).isEqualTo(ParseErrorCode.EMPTY_LINE);
        assertThat(code(parser.parse(" \t "))).isEqualTo(ParseErrorCode.EMPTY_LINE);
        assertThat(code(parser.parse(HEADER + "cs1=a\u0000b"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
        assertThat(code(parser.parse(HEADER + "cs1=a\u0007b"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
        assertThat(code(parser.parse(HEADER + "cs1=a\nb"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
        assertThat(code(parser.parse(HEADER + "cs1=a\uD800b"))).isEqualTo(ParseErrorCode.INVALID_UNICODE);
        assertThat(code(parser.parse(HEADER + "cs1=a\uDC00"))).isEqualTo(ParseErrorCode.INVALID_UNICODE);
        assertThat(detection(parser.parse(HEADER + "cs1=emoji \uD83D\uDE00 tab\tkept")).extra())
                .containsEntry("cs1", "emoji \uD83D\uDE00 tab\tkept");

        String megabyte = HEADER + "cs1=" + "x".repeat(1024 * 1024);
        assertThat(code(parser.parse(megabyte))).isEqualTo(ParseErrorCode.LINE_TOO_LONG);
        String atLimit = HEADER + "cs1=" + "x".repeat(ParseOptions.DEFAULT_MAX_LINE_LENGTH - HEADER.length() - 4);
        assertThat(atLimit).hasSize(ParseOptions.DEFAULT_MAX_LINE_LENGTH);
        assertThat(detection(parser.parse(atLimit)).extra().get("cs1")).hasSize(atLimit.length() - HEADER.length() - 4);
        assertThat(code(parser.parse(atLimit + "x"))).isEqualTo(ParseErrorCode.LINE_TOO_LONG);
        assertThat(code(new CefParser(ParseOptions.defaults().withMaxLineLength(10)).parse(HEADER)))
                .isEqualTo(ParseErrorCode.LINE_TOO_LONG);
    }

    @Test
    void lineTerminatorAndByteOrderMarkAreNotPartOfTheLine() {
        Detection d = detection(parser.parse("\uFEFF" + HEADER + "act=allow\r\n"));
        assertThat(d.action()).isEqualTo("allow");
        assertThat(d.raw()).isEqualTo(HEADER + "act=allow");
    }

    @Test
    void aSyslogPrefixIsToleratedAndKept() {
        Detection d = detection(parser.parse("<134>Mar  9 17:05:21 ddi01 " + HEADER + "act=allow"));
        assertThat(d.action()).isEqualTo("allow");
        assertThat(d.extra()).containsExactly(entry("syslogPriority", "134"),
                entry("syslogTimestamp", "Mar  9 17:05:21"), entry("syslogHost", "ddi01"));

        Detection relayed = detection(parser.parse("relay-7 something odd: " + HEADER + "act=allow"));
        assertThat(relayed.extra()).containsExactly(entry("syslogPrefix", "relay-7 something odd:"));
    }

    @Test
    void errorsCarryTheLineNumberWhenGiven() {
        ParseError error = Outcomes.error(parser.parse("CEF:0|broken", 42));
        assertThat(error.lineNumber()).isEqualTo(42L);
        assertThat(error.code()).isEqualTo(ParseErrorCode.CEF_BAD_HEADER);
        assertThat(error.reason()).isEqualTo("the CEF header has 1 of its 7 '|'-terminated fields");
    }

    private static String pairs(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append("k").append(i).append("=v").append(i);
        }
        return out.toString();
    }
}
