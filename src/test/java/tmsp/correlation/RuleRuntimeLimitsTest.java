package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tmsp.correlation.DraftDrl.HEAD;
import static tmsp.correlation.ShippedRules.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drafts that pass the confinement but would never finish: a rule that fires without end is stopped by the fire
 * limit, one that is too slow for its detections by the time limit, and the published rules go on working.
 */
class RuleRuntimeLimitsTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);

    @Test
    void aRuleThatModifiesItsOwnFactForeverIsStoppedByTheFireLimit() {
        CompiledRules draft = RuleCompiler.compileDraft("draft", Map.of("loop.drl", HEAD + """
                declare Counter
                    n : long
                end

                rule "Start"
                    @id("start") @severity("low")
                when
                    DetectionFact()
                    not Counter()
                then
                    insert(new Counter(0));
                end

                rule "Count for ever"
                    @id("count-for-ever") @severity("low")
                when
                    $c : Counter( n >= 0 )
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """), Map.of());

        try (CorrelationSession session = new CorrelationSession(draft, Duration.ofMinutes(5))) {
            session.insert(at(1, 1, 0).src("10.0.0.1", "pc-1", 49152).threatName("x").build());
            assertThatThrownBy(session::findings).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a rule loops");
        }
        stillCorrelates();
    }

    @Test
    void aRuleTooSlowForItsDetectionsIsStoppedByTheTimeLimit() {
        // Every detection counts all detections before it: quadratic, minutes for a busy hour.
        CompiledRules draft = RuleCompiler.compileDraft("draft", Map.of("slow.drl", HEAD + """
                rule "Count everything before"
                    @id("count-everything") @severity("low")
                    @params("window=1h")
                when
                    $d : DetectionFact( $t : timestamp )
                    accumulate( DetectionFact( timestamp <= $t, this != $d ) over window:time( ${window} );
                                $n : count(); $n > 1000000000 )
                then
                    incidents.raise(kcontext, $d.getHost(), "never", List.of($d));
                end
                """), Map.of());
        List<DetectionFact> busyHour = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            busyHour.add(at(i, 1, i * 0.0003).src("10.0.1." + (i % 250), "pc-" + (i % 500), 49152)
                    .threatName("t" + (i % 7)).build());
        }

        long started = System.nanoTime();
        try (CorrelationSession session = new CorrelationSession(draft, LIMIT)) {
            assertThatThrownBy(() -> {
                busyHour.forEach(session::insert);
                session.findings();
            }).isInstanceOf(RuleTimeLimitExceeded.class).hasMessageContaining("after 3 s, the time limit");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped near its limit")
                .isLessThan(LIMIT.multipliedBy(10));
        stillCorrelates();
    }

    @Test
    void aSessionWithinItsLimitFinishesAsWithout() {
        CompiledRules shipped = ShippedRules.compile("outbreak.drl");
        List<DetectionFact> outbreak = outbreak();

        try (CorrelationSession limited = new CorrelationSession(shipped, Duration.ofMinutes(1))) {
            outbreak.forEach(limited::insert);
            assertThat(limited.findings()).isEqualTo(CorrelationSession.correlate(shipped, outbreak));
        }
    }

    /** The published rules are not touched by a draft that was stopped. */
    private static void stillCorrelates() {
        assertThat(ShippedRules.correlate(ShippedRules.compile("outbreak.drl"), "malware-outbreak", outbreak()))
                .hasSize(1);
    }

    private static List<DetectionFact> outbreak() {
        List<DetectionFact> detections = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            detections.add(at(100 + i, 7, i).src("10.0.0." + i, "ws-" + i, 49152).threatName("WORM_X")
                    .threatType("File Pattern").severity("high").build());
        }
        return detections;
    }
}
