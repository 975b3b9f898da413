package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;
import static tmsp.correlation.ShippedRules.correlate;
import static tmsp.correlation.ShippedRules.minutes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/network.drl: a network sweep, repeated exploit attempts, repeated high-severity detections. */
class NetworkRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("network.drl");

    /** {@code n} probes from pc-1, one every {@code step} minutes, to distinct destinations (or ports). */
    static List<DetectionFact> probes(long account, int n, double step, boolean distinctPorts, long firstId) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(at(firstId + i, account, i * step).severity("medium").threatType("Suspicious Behavior")
                    .eventName("SMB connection attempt").src("10.1.0.5", "pc-1", 50000 + i)
                    .dst(distinctPorts ? "10.0.0.9" : "10.0.1." + i, null, distinctPorts ? 1000 + i : 445).build());
        }
        return out;
    }

    @Test
    void twentyDestinationsFromOneHostWithinAnHourAreASweep() {
        var findings = correlate(RULES, "network-sweep", probes(1, 20, 3, false, 1));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1");
            assertThat(f.title()).isEqualTo("pc-1 swept 20 destinations and 1 ports");
            assertThat(f.detectionIds()).hasSize(20);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(57));
            assertThat(f.attack()).contains("T1046");
        });
        assertThat(correlate(RULES, "network-sweep", probes(1, 10, 3, true, 1))).hasSize(1);
    }

    @Test
    void nineteenDestinationsOrTwentyOverMoreThanAnHourAreNoSweep() {
        assertThat(correlate(RULES, "network-sweep", probes(1, 19, 3, false, 1))).isEmpty();
        assertThat(correlate(RULES, "network-sweep", probes(1, 9, 3, true, 1))).isEmpty();
        assertThat(correlate(RULES, "network-sweep", probes(1, 20, 3.2, false, 1))).isEmpty();
    }

    @Test
    void failedLogonsAndWebTrafficAreNotProbes() {
        List<DetectionFact> logons = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            logons.add(at(i, 1, i).severity("medium").eventName("Unsuccessful logon attempt")
                    .src("10.1.0.5", "pc-1", 50000).dst("10.0.1." + i, null, 445).build());
            logons.add(at(100 + i, 1, i).severity("low").threatType("Web Reputation")
                    .src("10.1.0.5", "pc-1", 50000).dst("198.18.0." + i, null, 80).build());
        }
        assertThat(correlate(RULES, "network-sweep", logons)).isEmpty();
    }

    @Test
    void twoAccountsProbingFromHostsOfTheSameNameAreNotAddedUp() {
        List<DetectionFact> both = new ArrayList<>(probes(1, 10, 3, false, 1));
        both.addAll(probes(2, 10, 3, false, 100).stream().map(d -> DetectionFact.builder(d.getId(), 2,
                d.getEventTime().plusSeconds(1)).threatType(d.getThreatType()).severity("medium")
                .src(d.getSrcAddress(), d.getSrcHost(), d.getSrcPort()).dst("10.0.2." + d.getId(), null, 445).build())
                .toList());
        assertThat(correlate(RULES, "network-sweep", both)).isEmpty();
    }

    static DetectionFact exploit(long id, long account, double minute, String attacker) {
        return at(id, account, minute).severity("high").threatType("Exploit").eventName("CVE-2017-0144 SMB exploit")
                .src(attacker, null, 50000).dst("10.0.0.9", "srv-1", 445).direction("INBOUND").build();
    }

    @Test
    void fiveExploitAttemptsAgainstOneHostAreAnIncidentWhateverTheirSources() {
        var findings = correlate(RULES, "repeated-exploits", List.of(exploit(1, 1, 0, "192.0.2.1"),
                exploit(2, 1, 10, "192.0.2.2"), exploit(3, 1, 20, "192.0.2.1"), exploit(4, 1, 30, "192.0.2.3"),
                exploit(5, 1, 40, "192.0.2.1")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("srv-1");
            assertThat(f.title()).isEqualTo("5 exploit attempts against srv-1");
            assertThat(f.hosts()).containsExactly("srv-1");
            assertThat(f.addresses()).contains("192.0.2.1", "192.0.2.2", "192.0.2.3", "10.0.0.9");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        });
    }

    @Test
    void fourAttemptsFiveOverMoreThanAnHourOrAcrossAccountsAreNone() {
        assertThat(correlate(RULES, "repeated-exploits", List.of(exploit(1, 1, 0, "a"), exploit(2, 1, 10, "a"),
                exploit(3, 1, 20, "a"), exploit(4, 1, 30, "a")))).isEmpty();
        assertThat(correlate(RULES, "repeated-exploits", List.of(exploit(1, 1, 0, "a"), exploit(2, 1, 20, "a"),
                exploit(3, 1, 40, "a"), exploit(4, 1, 50, "a"), exploit(5, 1, 61, "a")))).isEmpty();
        assertThat(correlate(RULES, "repeated-exploits", List.of(exploit(1, 1, 0, "a"), exploit(2, 1, 10, "a"),
                exploit(3, 2, 20, "a"), exploit(4, 2, 30, "a"), exploit(5, 2, 40, "a")))).isEmpty();
    }

    static DetectionFact severe(long id, long account, double minute, String severity) {
        return at(id, account, minute).severity(severity).threatType("Malicious Behavior")
                .src("10.1.0.7", "pc-7", 50000).dst("203.0.113.45", null, 443).direction("OUTBOUND").build();
    }

    @Test
    void fiveHighSeverityDetectionsBetweenTheSameAddressesAreAnIncident() {
        var findings = correlate(RULES, "repeated-high-severity", List.of(severe(1, 1, 0, "high"),
                severe(2, 1, 10, "critical"), severe(3, 1, 20, "high"), severe(4, 1, 30, "high"),
                severe(5, 1, 40, "high"), severe(6, 1, 45, "medium")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("10.1.0.7 -> 203.0.113.45");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(f.lastSeen()).isEqualTo(minutes(40));
        });
    }

    /**
     * As the nine leave the hour's window one by one the rule fires again with eight, seven ... five of them; the
     * incident is still about nine, whether the session's clock went on past the hour (the nightly run, which
     * reads the whole day) or not yet (live correlation at that moment).
     */
    @Test
    void theTitleCountsTheWholeEpisodeNotWhatIsLeftInTheWindow() {
        List<DetectionFact> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(severe(i + 1, 1, i * 2, "high"));
        }
        List<DetectionFact> andLater = new ArrayList<>(nine);
        for (int minute = 0; minute <= 90; minute++) { // another host's traffic moves the clock minute by minute
            andLater.add(at(100 + minute, 1, minute + 0.5).severity("low").src("10.1.0.9", "pc-9", 1).build());
        }

        for (List<DetectionFact> day : List.of(nine, andLater)) {
            assertThat(correlate(RULES, "repeated-high-severity", day)).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo("9 high-severity detections from 10.1.0.7 to 203.0.113.45");
                assertThat(f.detectionIds()).hasSize(9);
            });
        }
    }

    @Test
    void fourHighOnesMediumOnesLateOnesOrAnotherAccountsAreNone() {
        assertThat(correlate(RULES, "repeated-high-severity", List.of(severe(1, 1, 0, "high"),
                severe(2, 1, 10, "high"), severe(3, 1, 20, "high"), severe(4, 1, 30, "high"),
                severe(5, 1, 40, "medium")))).isEmpty();
        assertThat(correlate(RULES, "repeated-high-severity", List.of(severe(1, 1, 0, "high"),
                severe(2, 1, 20, "high"), severe(3, 1, 40, "high"), severe(4, 1, 50, "high"),
                severe(5, 1, 60.5, "high")))).isEmpty();
        assertThat(correlate(RULES, "repeated-high-severity", List.of(severe(1, 1, 0, "high"),
                severe(2, 1, 10, "high"), severe(3, 1, 20, "high"), severe(4, 2, 30, "high"),
                severe(5, 2, 40, "high")))).isEmpty();
    }
}
