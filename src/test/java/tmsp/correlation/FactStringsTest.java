package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Direction;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

class FactStringsTest {

    @Test
    void equalValuesReadSeparatelyBecomeOneInstance() {
        FactStrings strings = new FactStrings();
        String first = strings.of(copy("Grayware detected"));
        String second = strings.of(copy("Grayware detected"));

        assertThat(second).isSameAs(first);
        assertThat(strings.of(copy("hq-ws-0001"))).isNotSameAs(first).isEqualTo("hq-ws-0001");
        assertThat(strings.of(null)).isNull();
    }

    @Test
    void valuesThatNeverRepeatDoNotGrowItBeyondItsBound() {
        FactStrings strings = new FactStrings();
        for (int i = 0; i < FactStrings.MAX_VALUES * 3; i++) {
            assertThat(strings.of("http://unique.example/" + i)).isEqualTo("http://unique.example/" + i);
            assertThat(strings.size()).isLessThanOrEqualTo(FactStrings.MAX_VALUES + 1);
        }
        String kept = strings.of(copy("after the clearing"));
        assertThat(strings.of(copy("after the clearing"))).isSameAs(kept);
    }

    @Test
    void theLogonOutcomeIsTheSameAsReadFromTheTextEveryTime() {
        FactStrings strings = new FactStrings();
        String[][] names = {{"Unsuccessful logon attempt", null}, {null, "Multiple failed login attempts (SSH)"},
                {"Successful logon", "RDP"}, {"Grayware detected", "Adware communication"}, {null, null}};
        for (int round = 0; round < 3; round++) { // the second and third answers come from what it remembers
            for (String[] pair : names) {
                assertThat(strings.logonOutcome(pair[0], pair[1])).as("%s / %s", pair[0], pair[1])
                        .isEqualTo(LogonOutcome.of(pair[0], pair[1]));
                assertThat(FactStrings.NONE.logonOutcome(pair[0], pair[1])).isEqualTo(LogonOutcome.of(pair[0], pair[1]));
            }
        }
    }

    @Test
    void noneKeepsNothing() {
        String value = copy("Disruptive application detected");
        assertThat(FactStrings.NONE.of(value)).isSameAs(value);
        assertThat(FactStrings.NONE.of(copy("Disruptive application detected"))).isNotSameAs(value);
    }

    @Test
    void aFactMadeWithSharedTextsIsTheFactMadeWithout() {
        FactStrings strings = new FactStrings();
        StoredDetection failed = detection(1, "Unsuccessful logon attempt", "Suspicious Behavior", Direction.INBOUND);
        StoredDetection grayware = detection(2, "Grayware detected", "Grayware", Direction.OUTBOUND);
        StoredDetection unknown = detection(3, null, null, null);
        for (StoredDetection d : new StoredDetection[] {failed, grayware, unknown, failed}) {
            DetectionFact shared = DetectionFact.of(d, strings);
            assertThat(shared).usingRecursiveComparison().isEqualTo(DetectionFact.of(d));
            assertThat(shared.getHost()).isEqualTo(DetectionFact.of(d).getHost());
        }
        assertThat(DetectionFact.of(failed, strings).getLogonOutcome()).isEqualTo("failed");
        assertThat(DetectionFact.of(failed, strings).getSeverity()).isEqualTo("medium");
        assertThat(DetectionFact.of(failed, strings).getHost()).isSameAs(DetectionFact.of(failed, strings).getHost());
    }

    private static StoredDetection detection(long id, String eventName, String threatType, Direction direction) {
        return new StoredDetection(id, 7, 3, Instant.parse("2026-11-25T10:00:00Z"), Severity.MEDIUM, copy(eventName),
                copy(threatType), copy("TROJ_X"), copy("TROJAN"), copy("Unsuccessful logon attempt"), copy("blocked"),
                copy("192.0.2.66"), null, 50123, copy("10.0.0.10"), copy("hq-srv-0"), 3389, null, null,
                copy("a.exe"), copy("ABCDEF"), copy("http://x.example/"), direction, copy("Access Attempt"),
                copy("admin"), copy("RDP"), copy("TCP"), 1, "raw line");
    }

    /** A new instance with the same text, as a database driver hands over. */
    private static String copy(String value) {
        return value == null ? null : new String(value.toCharArray());
    }
}
