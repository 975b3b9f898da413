package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;
import static tmsp.correlation.ShippedRules.correlate;
import static tmsp.correlation.ShippedRules.minutes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/killchain.drl: a multi-stage attack on one host, and several ATT&CK tactics on one host. */
class KillChainRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("killchain.drl");
    static final double HOUR = 60;

    static DetectionFact phase(long id, long account, double minute, String phase, String severity) {
        return at(id, account, minute).severity(severity).threatType("Malicious Behavior").eventName(phase)
                .src("10.1.0.3", "pc-3", 50000).dst("203.0.113.9", null, 443).attackPhase(phase).build();
    }

    static DetectionFact phase(long id, double minute, String phase) {
        return phase(id, 1, minute, phase, "high");
    }

    @Test
    void entryThenCommandAndControlThenLateralMovementIsAMultiStageAttack() {
        var findings = correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Point of Entry"),
                phase(2, 5, "Point of Entry"), phase(3, 3 * HOUR, "Command and Control Communication"),
                phase(4, 20 * HOUR, "Lateral Movement")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-3");
            assertThat(f.title()).isEqualTo("pc-3 went through 3 attack phases");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 3L, 4L);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(20 * HOUR));
        });
    }

    @Test
    void phasesOutOfOrderTwoPhasesMediumOnesOrMoreThanADayApartAreNoMultiStageAttack() {
        assertThat(correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Lateral Movement"),
                phase(2, 10, "Command and Control Communication"), phase(3, 20, "Point of Entry")))).isEmpty();
        assertThat(correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Point of Entry"),
                phase(2, 10, "Command and Control Communication")))).isEmpty();
        assertThat(correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Point of Entry"),
                phase(2, 10, "Command and Control Communication"),
                phase(3, 1, 20, "Data Exfiltration", "medium")))).isEmpty();
        assertThat(correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Point of Entry"),
                phase(2, 10, "Command and Control Communication"), phase(3, 24 * HOUR + 1, "Data Exfiltration"))))
                .isEmpty();
    }

    @Test
    void threeTacticsOnOneHostWithinADayAreAnIncident() {
        var findings = correlate(RULES, "several-tactics", List.of(phase(1, 0, "Access Attempt"),
                phase(2, 10, "Lateral Movement"), phase(3, 23 * HOUR, "Data Exfiltration"),
                phase(4, 23 * HOUR + 5, "Data Exfiltration")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-3");
            assertThat(f.title()).isEqualTo("3 ATT&CK tactics on pc-3");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
        });
    }

    @Test
    void twoTacticsThreeOverMoreThanADayOrAcrossAccountsAreNone() {
        assertThat(correlate(RULES, "several-tactics", List.of(phase(1, 0, "Access Attempt"),
                phase(2, 10, "Access Attempt"), phase(3, 20, "Lateral Movement")))).isEmpty();
        assertThat(correlate(RULES, "several-tactics", List.of(phase(1, 0, "Access Attempt"),
                phase(2, 10, "Lateral Movement"), phase(3, 24 * HOUR + 1, "Data Exfiltration")))).isEmpty();
        assertThat(correlate(RULES, "several-tactics", List.of(phase(1, 0, "Access Attempt"),
                phase(2, 10, "Lateral Movement"), phase(3, 2, 20, "Data Exfiltration", "high")))).isEmpty();
        assertThat(correlate(RULES, "multi-stage-attack", List.of(phase(1, 0, "Point of Entry"),
                phase(2, 10, "Command and Control Communication"), phase(3, 2, 20, "Lateral Movement", "high"))))
                .isEmpty();
    }

    @Test
    void dayLongWindowsDoNotKeepDetectionsLongerThanAnHour() {
        assertThat(RULES.longestWindow()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(RULES.detectionLifetime()).isEqualTo(java.time.Duration.ofHours(1));
    }
}
