package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;
import static tmsp.correlation.ShippedRules.correlate;
import static tmsp.correlation.ShippedRules.minutes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/hygiene.drl: a grayware or disruptive-application flood folded into one incident per host. */
class HygieneRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("hygiene.drl");

    /** {@code n} nuisance detections on pc-1, one every {@code step} minutes, grayware and applications mixed. */
    static List<DetectionFact> nuisance(long account, int n, double step, long firstId) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean grayware = i % 2 == 0;
            out.add(at(firstId + i, account, i * step).severity(grayware ? "low" : "informational")
                    .threatType(grayware ? "Grayware" : "Disruptive Applications")
                    .src("10.1.0.1", "pc-1", 50000).dst("198.18.0.1", null, 443).direction("OUTBOUND").build());
        }
        return out;
    }

    @Test
    void aHundredWithinAnHourIsAFlood() {
        var findings = correlate(RULES, "nuisance-flood", nuisance(1, 100, 0.5, 1));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1");
            assertThat(f.severity()).isEqualTo("low");
            assertThat(f.detectionIds()).hasSize(100);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(49.5));
        });
    }

    @Test
    void ninetyNineOrAHundredOverMoreThanAnHourIsNoFlood() {
        assertThat(correlate(RULES, "nuisance-flood", nuisance(1, 99, 0.5, 1))).isEmpty();
        assertThat(correlate(RULES, "nuisance-flood", nuisance(1, 100, 0.61, 1))).isEmpty();
    }

    @Test
    void aFloodLastingHoursIsOneIncident() {
        var findings = correlate(RULES, "nuisance-flood", nuisance(1, 600, 0.5, 1));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detectionIds()).hasSize(600);
            assertThat(f.lastSeen()).isEqualTo(minutes(299.5));
        });
    }

    @Test
    void twoAccountsHostsOfTheSameNameAreNotAddedUp() {
        List<DetectionFact> both = new ArrayList<>(nuisance(1, 60, 0.5, 1));
        both.addAll(nuisance(2, 60, 0.5, 1000));
        assertThat(correlate(RULES, "nuisance-flood", both)).isEmpty();
    }
}
