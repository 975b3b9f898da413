package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tmsp.correlation.ShippedRules.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentFinding;

/** The rule engine's pieces: templates and their errors, parameters, episodes, the session's memory. */
class RuleEngineTest {

    static final String HEADER = """
            package tmsp.rules.t
            import tmsp.correlation.DetectionFact
            global tmsp.correlation.RaisedIncidents incidents
            """;

    static RuleCompilationException refused(String drl) {
        try {
            RuleCompiler.compile(Map.of("t.drl", HEADER + drl));
        } catch (RuleCompilationException e) {
            return e;
        }
        throw new AssertionError("compiled");
    }

    @Test
    void anUnknownPlaceholderIsNamedWithFileAndLine() {
        var e = refused("""
                rule "r" @id("r") @severity("low") @params("n=3")
                when
                    DetectionFact( count >= ${m} )
                then
                end
                """);
        assertThat(e.messages()).containsExactly("t.drl:6: rule \"r\" uses ${m}, which its @params does not define");
    }

    @Test
    void aWindowThatIsNotAParameterIsRefusedWithItsLine() {
        var e = refused("""
                rule "r" @id("r") @severity("low")
                when
                    accumulate( $d : DetectionFact() over window:time( 2h ); $n : count( $d ); $n > 1 )
                then
                end
                """);
        assertThat(e.messages()).singleElement().asString().startsWith("t.drl:6: rule \"r\" must write its window as");
    }

    @Test
    void badDefaultsAndOverridesAreRefusedSoNoParameterCanInjectRuleText() {
        assertThat(refused("""
                rule "r" @id("r") @severity("low") @params("n=three")
                when
                then
                end
                """).messages()).singleElement().asString()
                .startsWith("t.drl:4: rule \"r\" @params: Parameter n = 'three' is neither");
        String drl = HEADER + """
                rule "r" @id("r") @severity("low") @params("n=3, window=1h")
                when
                    accumulate( $d : DetectionFact() over window:time( ${window} ); $n : count( $d ); $n >= ${n} )
                then
                end
                """;
        for (var bad : List.of(Map.of("r.n", "3 || true"), Map.of("r.n", "0"), Map.of("r.n", "10000001"),
                Map.of("r.window", "1h) DetectionFact("), Map.of("r.window", "32d"), Map.of("r.window", "5"))) {
            assertThatThrownBy(() -> RuleCompiler.compile("t", Map.of("t.drl", drl), bad))
                    .isInstanceOf(RuleCompilationException.class);
        }
        assertThat(RuleCompiler.compile("t", Map.of("t.drl", drl), Map.of("r.n", " 7 ", "r.window", "90M")).rules())
                .singleElement().satisfies(r -> assertThat(r.parameters()).extracting(RuleParameter::value)
                        .containsExactly("7", "90m"));
    }

    @Test
    void detectionsLiveAsLongAsTheLongestWindowOverThemNotOverDerivedFacts() {
        CompiledRules shipped = RuleCompiler.compile("t", ShippedRules.all(), Map.of());
        assertThat(shipped.longestWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(shipped.detectionWindow()).isEqualTo(Duration.ofHours(1));
        CompiledRules longer = RuleCompiler.compile("t", ShippedRules.all(), Map.of("brute-force.window", "3h"));
        assertThat(longer.detectionLifetime()).isEqualTo(Duration.ofHours(3));
        String qualified = "$d : tmsp.correlation.DetectionFact( x == \"a)\" ) over";
        assertThat(RuleTemplate.patternTypeBefore(qualified, qualified.indexOf(" over"))).isEqualTo("DetectionFact");
        String nested = "HostPhase( f(x) ) over";
        assertThat(RuleTemplate.patternTypeBefore(nested, nested.indexOf(" over"))).isEqualTo("HostPhase");
        assertThat(RuleTemplate.patternTypeBefore("not a pattern over", 13)).isNull();
    }

    @Test
    void windowsAsLongAsTheLifetimeAreLeftOutAndShorterOnesKept() {
        String drl = HEADER + """
                rule "r" @id("r") @severity("low") @params("a=1h, b=10m")
                when
                    accumulate( $d : DetectionFact() over window:time( ${a} ); $n : count( $d ); $n > 1 )
                    accumulate( $e : DetectionFact() over window:time( ${b} ); $m : count( $e ); $m > 1 )
                then
                end
                """;
        String expanded = RuleTemplate.expand("t.drl", drl, Map.of(), Duration.ofHours(1)).drl();
        assertThat(expanded).contains("$d : DetectionFact() ;").contains("$e : DetectionFact() over window:time( 10m )");
    }

    /**
     * Live correlation has run since long before the day the nightly run reads back from: the two sessions start
     * at different detections. Clock steps counted from the first detection would sit half a second apart in the
     * two (4.5 s, 5.5 s ... against 5.0 s, 6.0 s ...), and at 19.5 s the first detection of three within ten
     * seconds (at 9.2 s) would have left the window that at 19.0 s still holds it.
     */
    @Test
    void bothSessionsFindTheSameWhereverTheyStartedReading() {
        CompiledRules rules = RuleCompiler.compile("t", Map.of("t.drl", HEADER + """
                rule "r" @id("r") @severity("low") @params("n=3, window=10s")
                when
                    accumulate( $d : DetectionFact( threatType == "Exploit" ) over window:time( ${window} );
                        $all : collectList( $d ); $all.size() >= ${n} )
                then
                    incidents.raise(kcontext, "one", $all.size() + " exploits", $all);
                end
                """), Map.of());
        List<DetectionFact> day = new ArrayList<>();
        for (long ms = 5_000; ms <= 21_000; ms += 100) {
            day.add(atMillis(ms, ms, "Grayware"));
        }
        for (long ms : new long[] {9_200, 15_000, 19_900}) {
            day.add(atMillis(1_000_000 + ms, ms, "Exploit"));
        }
        List<DetectionFact> earlier = new ArrayList<>(day);
        earlier.add(atMillis(4_500, 4_500, "Grayware"));

        List<IncidentFinding> nightly = CorrelationSession.correlate(rules, day);
        List<IncidentFinding> live = CorrelationSession.correlate(rules, earlier);
        assertThat(nightly).singleElement().satisfies(f -> assertThat(f.title()).isEqualTo("3 exploits"));
        assertThat(live).usingRecursiveComparison().isEqualTo(nightly);
    }

    static DetectionFact atMillis(long id, long ms, String threatType) {
        return DetectionFact.builder(id, 1, ShippedRules.T0.plusMillis(ms)).severity("high").threatType(threatType)
                .src("10.1.0.1", "pc-1", 1).build();
    }

    @Test
    void firingsCloserThanTheGapAreOneEpisodeAndFartherOnesTwo() {
        CompiledRules rules = ShippedRules.compile("malware.drl");
        List<DetectionFact> detections = List.of(critical(1, 1, 0), critical(2, 1, 50), critical(3, 1, 100),
                critical(4, 1, 300), critical(5, 2, 0));
        assertThat(ShippedRules.correlate(rules, "critical-detection", detections))
                .extracting(f -> f.accountId() + " " + f.detectionIds().stream().sorted().toList())
                .containsExactly("1 [1, 2, 3]", "2 [5]", "1 [4]");
    }

    static DetectionFact critical(long id, long account, double minute) {
        return at(id, account, minute).severity("critical").eventName("Ransomware").src("10.1.0.1", "pc-1", 1).build();
    }

    @Test
    void aSessionHoldsNoMoreThanTheWindowsNeedHoweverLongItRuns() {
        CompiledRules rules = RuleCompiler.compile("t", ShippedRules.all(), Map.of());
        try (CorrelationSession session = new CorrelationSession(rules)) {
            List<Long> counts = new ArrayList<>();
            long id = 0;
            for (int minute = 0; minute < 30 * 60; minute++) {
                for (int host = 0; host < 20; host++) {
                    session.insert(at(++id, 1, minute + host / 20.0).severity(host % 2 == 0 ? "high" : "low")
                            .threatType(host % 2 == 0 ? "Suspicious Behavior" : "Grayware")
                            .attackPhase(host % 4 == 0 ? "Point of Entry" : null)
                            .src("10.1.0." + host, "pc-" + host, 50000).dst("10.0.0.1", "srv", 445).build());
                }
                if (minute % 60 == 59) {
                    session.findings();
                    counts.add(session.factCount());
                }
            }
            // one hour of 20 detections a minute (1,200), 20 HostSeen, 5 HostPhase, a few pair anchors
            assertThat(counts.subList(25, 30)).allSatisfy(c -> assertThat(c).isBetween(1_200L, 1_300L));
            assertThat(counts.get(29)).isEqualTo(counts.get(25));
        }
    }

    @Test
    void logonOutcomeAndTacticAreReadOnceFromTheText() {
        assertThat(LogonOutcome.of("Unsuccessful logon attempt", null)).isEqualTo("failed");
        assertThat(LogonOutcome.of(null, "Multiple failed login attempts (SSH)")).isEqualTo("failed");
        assertThat(LogonOutcome.of("Successful logon", null)).isEqualTo("succeeded");
        assertThat(LogonOutcome.of("Malware detected in file transfer", "Successful exploit")).isNull();
        assertThat(DetectionFact.tacticOf("Access Attempt")).isEqualTo("Credential Access");
        assertThat(DetectionFact.tacticOf("Something else")).isNull();
    }
}
