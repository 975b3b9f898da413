package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static tmsp.ingest.Outcomes.code;
import static tmsp.ingest.Outcomes.detection;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineParserTest {

    final JsonLineParser parser = new JsonLineParser();

    @Test
    void readsEveryCanonicalField() {
        String line = """
                {"eventTime":"2015-03-09T09:05:21Z","vendor":"Trend Micro","product":"Deep Discovery Inspector",\
                "productVersion":"6.7","eventId":"100120","eventName":"Threat detected",\
                "deviceExternalId":"6B593E17AFB7","severity":"High","threatType":"Exploit","threatName":"CVE-2017-0144",\
                "ruleId":52,"ruleName":"SMB exploit","action":"blocked","sourceAddress":"10.1.1.5","sourceHost":"pc-alice",\
                "sourcePort":51515,"sourceMac":"00:0C:29:AA:BB:CC","destinationAddress":"2001:db8::10",\
                "destinationHost":"srv","destinationPort":"445","destinationMac":"00:0C:29:DD:EE:FF",\
                "interestedAddress":"10.1.1.5","peerAddress":"2001:db8::10","fileName":"a b.exe","fileHash":"1EDD",\
                "url":"http://x/?a=b","direction":"inbound","attackPhase":"Lateral Movement","count":4,\
                "app":"SMB","tags":["a","b"],"geo":{"country":"CH"},"ratio":0.5,"ok":true,"gone":null}""";
        Detection d = detection(parser.parse(line));
        assertThat(d.format()).isEqualTo(LogFormat.JSON);
        assertThat(d.eventTime()).isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(d.vendor()).isEqualTo("Trend Micro");
        assertThat(d.product()).isEqualTo("Deep Discovery Inspector");
        assertThat(d.productVersion()).isEqualTo("6.7");
        assertThat(d.eventId()).isEqualTo("100120");
        assertThat(d.eventName()).isEqualTo("Threat detected");
        assertThat(d.deviceExternalId()).isEqualTo("6B593E17AFB7");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.threatType()).isEqualTo("Exploit");
        assertThat(d.threatName()).isEqualTo("CVE-2017-0144");
        assertThat(d.ruleId()).isEqualTo("52");
        assertThat(d.ruleName()).isEqualTo("SMB exploit");
        assertThat(d.action()).isEqualTo("blocked");
        assertThat(d.sourceAddress()).isEqualTo("10.1.1.5");
        assertThat(d.sourceHost()).isEqualTo("pc-alice");
        assertThat(d.sourcePort()).isEqualTo(51515);
        assertThat(d.sourceMac()).isEqualTo("00:0C:29:AA:BB:CC");
        assertThat(d.destinationAddress()).isEqualTo("2001:db8::10");
        assertThat(d.destinationHost()).isEqualTo("srv");
        assertThat(d.destinationPort()).isEqualTo(445);
        assertThat(d.destinationMac()).isEqualTo("00:0C:29:DD:EE:FF");
        assertThat(d.interestedAddress()).isEqualTo("10.1.1.5");
        assertThat(d.peerAddress()).isEqualTo("2001:db8::10");
        assertThat(d.fileName()).isEqualTo("a b.exe");
        assertThat(d.fileHash()).isEqualTo("1EDD");
        assertThat(d.url()).isEqualTo("http://x/?a=b");
        assertThat(d.direction()).isEqualTo(Direction.INBOUND);
        assertThat(d.attackPhase()).isEqualTo("Lateral Movement");
        assertThat(d.count()).isEqualTo(4);
        assertThat(d.extra()).containsExactly(entry("app", "SMB"), entry("tags", "[\"a\",\"b\"]"),
                entry("geo", "{\"country\":\"CH\"}"), entry("ratio", "0.5"), entry("ok", "true"));
        assertThat(d.raw()).isEqualTo(line);
    }

    @Test
    void eventTimeIsEpochMillisOrText() {
        assertThat(detection(parser.parse("{\"eventTime\":1425891921000}")).eventTime())
                .isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(detection(parser.parse("{\"eventTime\":\"1425891921000\"}")).eventTime())
                .isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(detection(parser.parse("{\"eventTime\":\"Mar 09 2015 17:05:21 GMT+08:00\"}")).eventTime())
                .isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(detection(parser.parse("{\"eventTime\":null}")).eventTime()).isNull();
    }

    @Test
    void severityIsAScoreOrAWordAndDirectionAWordOrANumber() {
        assertThat(detection(parser.parse("{\"severity\":9}")).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(detection(parser.parse("{\"severity\":\"4\"}")).severity()).isEqualTo(Severity.LOW);
        assertThat(detection(parser.parse("{}")).severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(detection(parser.parse("{\"direction\":1}")).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(detection(parser.parse("{\"direction\":\"Outbound\"}")).direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void wrongTypesAreRejectedWithTheFieldsCode() {
        assertThat(code(parser.parse("{\"eventTime\":true}"))).isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
        assertThat(code(parser.parse("{\"eventTime\":-5}"))).isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
        assertThat(code(parser.parse("{\"eventTime\":1.5e30}"))).isEqualTo(ParseErrorCode.BAD_TIMESTAMP);
        assertThat(code(parser.parse("{\"severity\":11}"))).isEqualTo(ParseErrorCode.BAD_SEVERITY);
        assertThat(code(parser.parse("{\"severity\":2.5}"))).isEqualTo(ParseErrorCode.BAD_SEVERITY);
        assertThat(code(parser.parse("{\"severity\":[]}"))).isEqualTo(ParseErrorCode.BAD_SEVERITY);
        assertThat(code(parser.parse("{\"sourcePort\":80.5}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("{\"sourcePort\":-1}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("{\"count\":99999999999999999999}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("{\"sourceAddress\":\"localhost\"}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("{\"threatName\":{\"a\":1}}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
        assertThat(code(parser.parse("{\"direction\":\"sideways\"}"))).isEqualTo(ParseErrorCode.BAD_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}",
            "{\"a\":NaN}", "{\"a\":\"unterminated}", "{\"a\":1 // comment\n}"})
    void malformedJsonIsRejected(String line) {
        assertThat(code(parser.parse(line))).isIn(ParseErrorCode.JSON_MALFORMED, ParseErrorCode.CONTROL_CHARACTER);
    }

    @Test
    void hostileJsonGetsItsOwnCodes() {
        assertThat(code(parser.parse("{\"a\":1,\"a\":2}"))).isEqualTo(ParseErrorCode.JSON_DUPLICATE_KEY);
        assertThat(code(parser.parse("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")))
                .isEqualTo(ParseErrorCode.JSON_TOO_DEEP);
        assertThat(code(parser.parse("{\"a\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}")))
                .isEqualTo(ParseErrorCode.JSON_TOO_DEEP);
        assertThat(detection(parser.parse("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}")).extra())
                .containsKey("a");
        assertThat(code(parser.parse("{\"a\":\"x\\u0000y\"}"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
        assertThat(code(parser.parse("{\"threatName\":\"x\\u0000y\"}"))).isEqualTo(ParseErrorCode.CONTROL_CHARACTER);
        assertThat(code(parser.parse("{\"a\":\"\\ud800\"}"))).isEqualTo(ParseErrorCode.INVALID_UNICODE);
        assertThat(code(parser.parse("{\"\\udc00\":1}"))).isEqualTo(ParseErrorCode.INVALID_UNICODE);
        assertThat(code(parser.parse("{\"\":1}"))).isEqualTo(ParseErrorCode.BAD_KEY);
        assertThat(code(parser.parse("{\"" + "k".repeat(129) + "\":1}"))).isEqualTo(ParseErrorCode.KEY_TOO_LONG);
        assertThat(code(parser.parse("[1,2]"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        assertThat(code(parser.parse("CEF:0|V|P|1|1|N|5|"))).isEqualTo(ParseErrorCode.UNKNOWN_FORMAT);
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 513; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        assertThat(code(parser.parse(many.append('}').toString()))).isEqualTo(ParseErrorCode.TOO_MANY_KEYS);
    }

    @Test
    void escapedNewlinesAndUnicodeInValuesAreKept() {
        Detection d = detection(parser.parse("{\"msg\":\"two\\nlines \\u00e9 \\ud83d\\ude00\"}"));
        assertThat(d.extra()).containsExactly(entry("msg", "two\nlines \u00e9 \uD83D\uDE00"));
    }
}
