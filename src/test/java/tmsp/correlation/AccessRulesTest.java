package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;
import static tmsp.correlation.ShippedRules.correlate;
import static tmsp.correlation.ShippedRules.minutes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/access.drl: brute force, and a password spray followed by a successful logon. */
class AccessRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("access.drl");

    static DetectionFact failed(long id, long account, double minute, String attacker, String user) {
        return at(id, account, minute).severity("medium").threatType("Suspicious Behavior")
                .eventName("Unsuccessful logon attempt").ruleName("Multiple unsuccessful logon attempts (RDP)")
                .src(attacker, null, 50000).dst("10.0.0.9", "srv-1", 3389).direction("INBOUND").user(user)
                .attackPhase("Access Attempt").build();
    }

    static List<DetectionFact> failures(long account, int n, double step, String attacker, long firstId) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(failed(firstId + i, account, i * step, attacker, "admin"));
        }
        return out;
    }

    @Test
    void twentyFailedLogonsFromOneSourceAgainstOneTargetAreABruteForce() {
        List<DetectionFact> detections = new ArrayList<>(failures(1, 20, 0.25, "192.0.2.66", 1));
        detections.addAll(failures(1, 5, 0.5, "192.0.2.99", 100));
        var findings = correlate(RULES, "brute-force", detections);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("192.0.2.66 -> srv-1");
            assertThat(f.title()).isEqualTo("20 failed logons from 192.0.2.66 against srv-1");
            assertThat(f.hosts()).containsExactly("srv-1");
            assertThat(f.detectionIds()).hasSize(20).allMatch(id -> id < 100);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(4.75));
            assertThat(f.attack()).contains("T1110");
        });
    }

    @Test
    void nineteenFailuresTwentyOverMoreThanAnHourOrTwoSourcesAreNoBruteForce() {
        assertThat(correlate(RULES, "brute-force", failures(1, 19, 0.25, "192.0.2.66", 1))).isEmpty();
        assertThat(correlate(RULES, "brute-force", failures(1, 20, 3.2, "192.0.2.66", 1))).isEmpty();
        List<DetectionFact> two = new ArrayList<>(failures(1, 10, 0.25, "192.0.2.66", 1));
        two.addAll(failures(1, 10, 0.25, "192.0.2.67", 100));
        assertThat(correlate(RULES, "brute-force", two)).isEmpty();
    }

    @Test
    void twoAccountsFailuresAgainstTargetsOfTheSameNameAreNotAddedUp() {
        List<DetectionFact> both = new ArrayList<>(failures(1, 10, 0.25, "192.0.2.66", 1));
        both.addAll(failures(2, 10, 0.25, "192.0.2.66", 100));
        assertThat(correlate(RULES, "brute-force", both)).isEmpty();
    }

    static DetectionFact success(long id, long account, double minute, String attacker) {
        return at(id, account, minute).severity("low").eventName("Successful logon").src(attacker, null, 50000)
                .dst("10.0.0.9", "srv-1", 3389).direction("INBOUND").user("e.meyer").build();
    }

    static List<DetectionFact> spray(long account, int users, double start, long firstId) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            out.add(failed(firstId + i, account, start + i, "192.0.2.50", "user" + i));
        }
        return out;
    }

    @Test
    void failuresForFiveUserNamesThenASuccessAreASprayThatWorked() {
        List<DetectionFact> detections = new ArrayList<>(spray(1, 5, 0, 1));
        detections.add(success(10, 1, 30, "192.0.2.50"));
        var findings = correlate(RULES, "password-spray-success", detections);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("192.0.2.50");
            assertThat(f.title()).isEqualTo("192.0.2.50 sprayed 5 user names, then logged on as e.meyer to srv-1");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 10L);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(30));
        });
    }

    @Test
    void fourUserNamesNoSuccessASuccessFirstOrFailuresOverAnHourBeforeAreNone() {
        List<DetectionFact> four = new ArrayList<>(spray(1, 4, 0, 1));
        four.add(success(10, 1, 30, "192.0.2.50"));
        assertThat(correlate(RULES, "password-spray-success", four)).isEmpty();
        assertThat(correlate(RULES, "password-spray-success", spray(1, 8, 0, 1))).isEmpty();
        List<DetectionFact> successFirst = new ArrayList<>(spray(1, 5, 1, 1));
        successFirst.add(success(10, 1, 0, "192.0.2.50"));
        assertThat(correlate(RULES, "password-spray-success", successFirst)).isEmpty();
        List<DetectionFact> late = new ArrayList<>(spray(1, 5, 0, 1));
        late.add(success(10, 1, 61.5, "192.0.2.50"));
        assertThat(correlate(RULES, "password-spray-success", late)).isEmpty();
    }

    @Test
    void anotherAccountsFailuresDoNotMakeASpray() {
        List<DetectionFact> detections = new ArrayList<>(spray(1, 3, 0, 1));
        detections.addAll(spray(2, 3, 5, 20).stream().map(d -> failed(d.getId(), 2, 5 + d.getId(), "192.0.2.50",
                "other" + d.getId())).toList());
        detections.add(success(30, 1, 30, "192.0.2.50"));
        assertThat(correlate(RULES, "password-spray-success", detections)).isEmpty();
    }
}
