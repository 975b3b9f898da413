package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.FactStrings;
import tmsp.correlation.RuleCompiler;
import tmsp.incident.IncidentFinding;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

/** One account's live session without Spring: changed findings only, late detections, bounded memory. */
class LiveAccountSessionTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final FactStrings strings = new FactStrings(); // as live correlation shares one over its sessions

    /** Three failed logons against one target within ten minutes. */
    static final CompiledRules RULES = RuleCompiler.compile("test", Map.of("burst.drl", """
            package tmsp.rules.test
            import tmsp.correlation.DetectionFact
            import java.util.List
            global tmsp.correlation.RaisedIncidents incidents
            declare Target
                accountId : long @key
                name : String @key
            end
            rule "target seen"
                @id("target-seen") @severity("informational")
            when
                DetectionFact( $a : accountId, $n : dstHost != null )
                not Target( accountId == $a, name == $n )
            then
                insert(new Target($a, $n));
            end
            rule "burst"
                @id("burst") @severity("medium") @params("attempts=3, window=10m")
            when
                Target( $a : accountId, $n : name )
                accumulate( $d : DetectionFact( accountId == $a, dstHost == $n ) over window:time( ${window} );
                            $evidence : collectList( $d ); $evidence.size() >= ${attempts} )
            then
                incidents.raise(kcontext, $n, "Burst against " + $n, $evidence);
            end
            """), Map.of());

    static long ids;

    static StoredDetection at(Duration after, String target) {
        return new StoredDetection(++ids, 1, 1, T0.plus(after), Severity.MEDIUM, "Logon failure", null, null, null,
                null, null, "192.0.2.1", null, 50000, "10.0.0.5", target, 22, null, null, null, null, null, null,
                null, "root", null, "TCP", 1, null);
    }

    @Test
    void onlyNewOrGrownFindingsAreHandedOnAndLateDetectionsAreLeftToTheNightlyRun() {
        try (LiveAccountSession session = new LiveAccountSession(RULES)) {
            session.accept(at(Duration.ZERO, "srv-1"), strings);
            session.accept(at(Duration.ofMinutes(1), "srv-1"), strings);
            assertThat(session.changedFindings(Instant.now())).isEmpty();

            session.accept(at(Duration.ofMinutes(2), "srv-1"), strings);
            assertThat(session.changedFindings(Instant.now())).singleElement()
                    .satisfies(f -> assertThat(f.detectionIds()).hasSize(3));
            assertThat(session.changedFindings(Instant.now())).as("nothing new since").isEmpty();

            session.accept(at(Duration.ofMinutes(3), "srv-1"), strings);
            assertThat(session.changedFindings(Instant.now())).singleElement()
                    .satisfies(f -> assertThat(f.detectionIds()).hasSize(4));

            session.accept(at(Duration.ofHours(2), "srv-2"), strings);
            assertThat(session.accept(at(Duration.ofMinutes(30), "srv-1"), strings)).as("older than the window")
                    .isFalse();
            assertThat(session.late()).isEqualTo(1);
        }
    }

    @Test
    void memoryIsBoundedByTheWindowsNotByTheStream() {
        try (LiveAccountSession session = new LiveAccountSession(RULES)) {
            long most = 0;
            for (int minute = 0; minute < 24 * 60; minute++) {
                for (int n = 0; n < 5; n++) {
                    // a burst against another target every hour: a new episode each hour
                    session.accept(at(Duration.ofMinutes(minute).plusSeconds(n), "srv-" + (minute / 60)), strings);
                }
                session.changedFindings(Instant.now());
                if (minute > 60) {
                    most = Math.max(most, session.factCount());
                }
            }
            // 5 detections a minute for an hour's lifetime at most, plus the targets seen.
            assertThat(most).isLessThanOrEqualTo(5 * 61 + 24 + 5);
            // Kept: episodes last seen within twice the longest episode gap (1 h, the default) plus the window.
            assertThat(session.pendingEpisodes()).as("of 24 episodes, the settled ones are forgotten").isEqualTo(3);
        }
    }

    @Test
    void findingsCarryTheSameEpisodeAsTheNightlySessionOverTheSameDetections() {
        java.util.List<StoredDetection> day = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            day.add(at(Duration.ofMinutes(i), "srv-9"));
        }
        IncidentFinding live;
        try (LiveAccountSession session = new LiveAccountSession(RULES)) {
            day.forEach(d -> session.accept(d, strings));
            live = session.changedFindings(Instant.now()).get(0);
        }
        IncidentFinding nightly = tmsp.correlation.CorrelationSession.correlate(RULES,
                day.stream().map(tmsp.correlation.DetectionFact::of).toList()).get(0);
        assertThat(live).isEqualTo(nightly);
    }
}
