package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;
import static tmsp.correlation.ShippedRules.correlate;
import static tmsp.correlation.ShippedRules.minutes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/lateral.drl: lateral movement from one internal host to several others. */
class LateralRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("lateral.drl");

    static DetectionFact move(long id, long account, double minute, String target) {
        return at(id, account, minute).severity("high").threatType("Suspicious Behavior")
                .eventName("Remote service created with PsExec").src("10.1.0.5", "pc-5", 50000)
                .dst("10.0.0." + target.length(), target, 445).user("svc-deploy").attackPhase("Lateral Movement").build();
    }

    @Test
    void oneHostReachingThreeOthersIsLateralMovement() {
        var findings = correlate(RULES, "lateral-movement", List.of(move(1, 1, 0, "srv-a"), move(2, 1, 5, "srv-a"),
                move(3, 1, 10, "srv-bb"), move(4, 1, 15, "srv-ccc")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-5");
            assertThat(f.title()).isEqualTo("pc-5 moved to 3 hosts");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            assertThat(f.firstSeen()).isEqualTo(minutes(0));
            assertThat(f.lastSeen()).isEqualTo(minutes(15));
            assertThat(f.attack()).contains("T1021");
        });
    }

    @Test
    void twoTargetsOrThreeOverMoreThanAnHourAreNone() {
        assertThat(correlate(RULES, "lateral-movement", List.of(move(1, 1, 0, "srv-a"), move(2, 1, 5, "srv-bb"),
                move(3, 1, 10, "srv-bb")))).isEmpty();
        assertThat(correlate(RULES, "lateral-movement", List.of(move(1, 1, 0, "srv-a"), move(2, 1, 30, "srv-bb"),
                move(3, 1, 60.5, "srv-ccc")))).isEmpty();
    }

    @Test
    void twoAccountsMovingFromHostsOfTheSameNameAreNotAddedUp() {
        assertThat(correlate(RULES, "lateral-movement", List.of(move(1, 1, 0, "srv-a"), move(2, 1, 5, "srv-bb"),
                move(3, 2, 10, "srv-ccc")))).isEmpty();
    }
}
