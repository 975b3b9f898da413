package tmsp.correlation.authoring.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.RuleCompiler;

/** One read of detections through the published rules and a draft on their own threads, with real DRL. */
class TwinCorrelationTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static CompiledRules published;
    static CompiledRules draft;

    @BeforeAll
    static void compile() throws IOException {
        Map<String, String> files = Map.of("outbreak.drl", Files.readString(Path.of("rules/outbreak.drl")));
        published = RuleCompiler.compile("published", files, Map.of());
        draft = RuleCompiler.compileDraft("draft", files, Map.of("malware-outbreak.hosts", "2"));
    }

    static DetectionFact detection(long id, Duration after, String threat, String host) {
        return DetectionFact.builder(id, 1, T0.plus(after)).severity("high").threatType("File Pattern")
                .threatName(threat).src("10.0.0." + (id % 250), host, 49152).dst("198.51.100.9", null, 445).build();
    }

    static ToLongFunction<Consumer<DetectionFact>> readerOf(List<DetectionFact> facts) {
        return each -> {
            facts.forEach(each);
            return facts.size();
        };
    }

    @Test
    void bothSidesSeeEveryDetectionOnceReadAndTheDraftsLowerThresholdAddsAnIncident() {
        List<DetectionFact> facts = new ArrayList<>();
        facts.add(detection(1, Duration.ofMinutes(1), "WORM_TWO", "pc-1"));
        facts.add(detection(2, Duration.ofMinutes(2), "WORM_TWO", "pc-2"));
        facts.add(detection(3, Duration.ofMinutes(3), "WORM_THREE", "pc-1"));
        facts.add(detection(4, Duration.ofMinutes(4), "WORM_THREE", "pc-2"));
        facts.add(detection(5, Duration.ofMinutes(5), "WORM_THREE", "pc-3"));
        for (long i = 0; i < 5 * TwinCorrelation.BLOCK; i++) {  // several blocks of noise, one host each
            facts.add(detection(100 + i, Duration.ofHours(2).plusMillis(i * 10), "NOISE_" + i, "pc-" + i));
        }
        TestProgress progress = TestProgress.overCount(facts.size());
        AtomicInteger reads = new AtomicInteger();

        TwinCorrelation.Outcome outcome;
        try (CorrelationSession a = new CorrelationSession(published); CorrelationSession b = new CorrelationSession(draft)) {
            outcome = TwinCorrelation.run(each -> {
                reads.incrementAndGet();
                return readerOf(facts).applyAsLong(each);
            }, a, b, progress, () -> { });
        }

        assertThat(reads).hasValue(1);
        assertThat(outcome.read()).isEqualTo(facts.size());
        assertThat(progress.detectionsRead()).isEqualTo(facts.size());
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(outcome.published()).extracting(f -> f.grouping()).containsExactly("WORM_THREE");
        assertThat(outcome.draft()).extracting(f -> f.grouping()).containsExactlyInAnyOrder("WORM_TWO", "WORM_THREE");
        IncidentDiff diff = IncidentDiff.of(outcome.published(), outcome.draft());
        assertThat(diff.addedCount()).isEqualTo(1);
        assertThat(diff.added().get(0).evidenceIds()).containsExactly(1L, 2L);
        assertThat(diff.unchangedCount()).isEqualTo(1);
        assertThat(diff.removedCount()).isZero();
    }

    @Test
    void aCancelStopsTheReadBetweenBlocks() {
        TestProgress progress = TestProgress.overCount(1_000_000);
        long[] handed = {0};
        try (CorrelationSession a = new CorrelationSession(published); CorrelationSession b = new CorrelationSession(draft)) {
            assertThatThrownBy(() -> TwinCorrelation.run(each -> {
                for (long i = 0; i < 1_000_000; i++) {
                    if (i == 3L * TwinCorrelation.BLOCK) {
                        progress.cancel();
                    }
                    each.accept(detection(i, Duration.ofMillis(i), "T" + (i % 7), "pc-" + (i % 50)));
                    handed[0]++;
                }
                return handed[0];
            }, a, b, progress, () -> { })).isInstanceOf(TwinCorrelation.Cancelled.class);
        }
        assertThat(handed[0]).as("stopped within a block of the cancel").isLessThanOrEqualTo(4L * TwinCorrelation.BLOCK);
    }

    @Test
    void aRuleThatFailsOnOneSideStopsBothAndItsErrorIsTheOneThrown() {
        TestProgress progress = TestProgress.overCount(100_000);
        ToLongFunction<Consumer<DetectionFact>> failing = each -> {
            for (long i = 0; i < 100_000; i++) {
                if (i == TwinCorrelation.BLOCK * 2L) {
                    throw new IllegalStateException("the database went away");
                }
                each.accept(detection(i, Duration.ofMillis(i), "T", "pc-1"));
            }
            return 100_000;
        };
        try (CorrelationSession a = new CorrelationSession(published); CorrelationSession b = new CorrelationSession(draft)) {
            assertThatThrownBy(() -> TwinCorrelation.run(failing, a, b, progress, () -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        }
    }

    @Test
    void progressOverASpanIsTheSlowerSidesEventTime() {
        TestProgress progress = TestProgress.overSpan(0, 1_000);
        assertThat(progress.fraction()).isZero();
        progress.published().advance(10, 800);
        progress.draft().advance(10, 250);
        assertThat(progress.fraction()).isEqualTo(0.25);
        progress.draft().advance(10, 1_000);
        assertThat(progress.fraction()).isEqualTo(0.8);
    }

    @Test
    void ticksComeWhileTheSidesWork() {
        AtomicInteger ticks = new AtomicInteger();
        TestProgress progress = TestProgress.overCount(0);
        try (CorrelationSession a = new CorrelationSession(published); CorrelationSession b = new CorrelationSession(draft)) {
            TwinCorrelation.run(each -> {
                // A reader that waits until it has been ticked twice: the tick must not depend on the read moving.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 2);
                return 0;
            }, a, b, progress, ticks::incrementAndGet);
        }
        assertThat(ticks.get()).isGreaterThanOrEqualTo(2);
    }
}
