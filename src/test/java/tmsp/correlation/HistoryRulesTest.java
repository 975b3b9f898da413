package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.ShippedRules.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentFinding;

/** rules/history.drl: a repeat offender, with today's incidents from rules/malware.drl. */
class HistoryRulesTest {

    static final CompiledRules RULES = ShippedRules.compile("history.drl", "malware.drl");

    static PriorIncident daysAgo(long account, String host, int days) {
        Instant at = ShippedRules.T0.minus(Duration.ofDays(days));
        return new PriorIncident(account, host, "brute-force", at.minusSeconds(600), at);
    }

    static DetectionFact critical(long id, long account, String host) {
        return at(id, account, id).severity("critical").eventName("Ransomware behaviour")
                .src("10.1.0.1", host, 50000).build();
    }

    static List<IncidentFinding> run(List<PriorIncident> history, List<DetectionFact> detections) {
        try (CorrelationSession session = new CorrelationSession(RULES)) {
            history.forEach(session::insertFact);
            detections.forEach(session::insert);
            return ShippedRules.of("repeat-offender", session.findings());
        }
    }

    @Test
    void incidentsOnTheTwoDaysBeforeAndOneTodayMakeARepeatOffender() {
        var findings = run(List.of(daysAgo(1, "pc-1", 1), daysAgo(1, "pc-1", 2), daysAgo(1, "pc-2", 1)),
                List.of(critical(1, 1, "pc-1"), critical(2, 1, "pc-2")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1");
            assertThat(f.title()).isEqualTo("pc-1 had incidents on 3 days running");
            assertThat(f.detectionIds()).containsExactly(1L);
            assertThat(f.accountId()).isEqualTo(1);
        });
    }

    @Test
    void aGapTwoDaysOrNoIncidentTodayIsNoRepeatOffender() {
        assertThat(run(List.of(daysAgo(1, "pc-1", 1), daysAgo(1, "pc-1", 3)), List.of(critical(1, 1, "pc-1"))))
                .isEmpty();
        assertThat(run(List.of(daysAgo(1, "pc-1", 1)), List.of(critical(1, 1, "pc-1")))).isEmpty();
        assertThat(run(List.of(daysAgo(1, "pc-1", 1), daysAgo(1, "pc-1", 2)), List.of())).isEmpty();
    }

    @Test
    void anotherAccountsHistoryOfAHostOfTheSameNameDoesNotCount() {
        assertThat(run(List.of(daysAgo(2, "pc-1", 1), daysAgo(2, "pc-1", 2)), List.of(critical(1, 1, "pc-1"))))
                .isEmpty();
        assertThat(run(List.of(daysAgo(1, "pc-1", 1), daysAgo(2, "pc-1", 2)), List.of(critical(1, 1, "pc-1"))))
                .isEmpty();
    }

    @Test
    void todaysIncidentsAreInsertedOncePerHostAndDay() {
        try (CorrelationSession session = new CorrelationSession(RULES)) {
            session.insert(critical(1, 1, "pc-1"));
            session.insert(critical(2, 1, "pc-1"));
            session.insert(critical(3, 1, "pc-2"));
            session.findings();
            // two hosts' HostSeen, three detections, one PriorIncident per host and day
            assertThat(session.factCount()).isEqualTo(2 + 3 + 2);
        }
    }
}
