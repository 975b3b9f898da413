package tmsp.correlation;

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
import org.junit.jupiter.api.BeforeAll;
import tmsp.incident.IncidentFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped rules/outbreak.drl, compiled and run without Spring. */
class OutbreakRulesTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static CompiledRules rules;

    @BeforeAll
    static void compile() throws IOException {
        rules = RuleCompiler.compile(Map.of("outbreak.drl", Files.readString(Path.of("rules/outbreak.drl"))));
    }

    private static DetectionFact detection(long id, long account, Duration after, String threat, String host) {
        return DetectionFact.builder(id, account, T0.plus(after)).severity("high").threatType("File Pattern")
                .threatName(threat).src("10.0.0." + id, host, 49152).dst("198.51.100.9", null, 445).build();
    }

    private static DetectionFact detection(long id, String threat, String host) {
        return detection(id, 1, Duration.ofMinutes(id), threat, host);
    }

    @Test
    void theSameMalwareOnThreeHostsIsOneOutbreakWithTheDetectionsBehindIt() {
        List<DetectionFact> detections = List.of(
                detection(1, "TROJ_EMOTET.A", "pc-1"), detection(2, "TROJ_EMOTET.A", "pc-2"),
                detection(3, "TROJ_EMOTET.A", "pc-2"), detection(4, "TROJ_EMOTET.A", "pc-3"),
                detection(5, "WORM_OTHER", "pc-1"));
        List<IncidentFinding> findings = CorrelationSession.correlate(rules, detections);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("malware-outbreak");
            assertThat(f.grouping()).isEqualTo("TROJ_EMOTET.A");
            assertThat(f.accountId()).isEqualTo(1);
            assertThat(f.severity()).isEqualTo("high");
            assertThat(f.attack()).contains("T1210");
            assertThat(f.title()).isEqualTo("Outbreak of TROJ_EMOTET.A on 3 hosts");
            assertThat(f.hosts()).containsExactlyInAnyOrder("pc-1", "pc-2", "pc-3");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            assertThat(f.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            assertThat(f.lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        });
    }

    @Test
    void twoHostsOrDetectionsWithoutAHostAreNoOutbreak() {
        List<DetectionFact> detections = new ArrayList<>(List.of(
                detection(1, "TROJ_X", "pc-1"), detection(2, "TROJ_X", "pc-2"), detection(3, "TROJ_X", "pc-2")));
        detections.add(DetectionFact.builder(4, 1, T0.plusSeconds(240)).threatName("TROJ_X").build());
        assertThat(CorrelationSession.correlate(rules, detections)).isEmpty();
        assertThat(CorrelationSession.correlate(rules, List.of())).isEmpty();
    }

    @Test
    void threeHostsFurtherApartThanTheWindowAreNoOutbreak() {
        List<DetectionFact> detections = List.of(detection(1, 1, Duration.ZERO, "TROJ_X", "pc-1"),
                detection(2, 1, Duration.ofMinutes(40), "TROJ_X", "pc-2"),
                detection(3, 1, Duration.ofMinutes(61), "TROJ_X", "pc-3"));
        assertThat(CorrelationSession.correlate(rules, detections)).isEmpty();
    }

    @Test
    void theWindowIsAParameterAnAnalystCanChange() {
        CompiledRules wider = RuleCompiler.compile("test", rules.sources(), Map.of("malware-outbreak.window", "2h"));
        List<DetectionFact> detections = List.of(detection(1, 1, Duration.ZERO, "TROJ_X", "pc-1"),
                detection(2, 1, Duration.ofMinutes(40), "TROJ_X", "pc-2"),
                detection(3, 1, Duration.ofMinutes(61), "TROJ_X", "pc-3"));
        assertThat(CorrelationSession.correlate(wider, detections)).hasSize(1);
        assertThat(wider.longestWindow()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> RuleCompiler.compile("test", rules.sources(),
                Map.of("malware-outbreak.window", "1h ) DetectionFact(")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("window must be a duration")));
    }

    @Test
    void anotherAccountsDetectionsAreNeverCountedEvenInOneSession() {
        List<DetectionFact> detections = List.of(detection(1, 1, Duration.ZERO, "TROJ_X", "pc-1"),
                detection(2, 1, Duration.ofMinutes(1), "TROJ_X", "pc-2"),
                detection(3, 2, Duration.ofMinutes(2), "TROJ_X", "pc-3"));
        assertThat(CorrelationSession.correlate(rules, detections)).isEmpty();
        List<DetectionFact> both = new ArrayList<>(detections);
        both.add(detection(4, 1, Duration.ofMinutes(3), "TROJ_X", "pc-3"));
        both.add(detection(5, 2, Duration.ofMinutes(4), "TROJ_X", "pc-1"));
        both.add(detection(6, 2, Duration.ofMinutes(5), "TROJ_X", "pc-2"));
        assertThat(CorrelationSession.correlate(rules, both))
                .extracting(f -> f.accountId() + " " + f.grouping() + " " + f.detectionIds().stream().sorted().toList())
                .containsExactlyInAnyOrder("1 TROJ_X [1, 2, 4]", "2 TROJ_X [3, 5, 6]");
    }

    @Test
    void badDrlGivesTheCompilersMessagesWithFileAndLine() {
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("broken.drl",
                "package tmsp.rules.broken\nrule \"x\" @id(\"x\") @severity(\"low\")\nwhen\n  NoSuchFact()\nthen\nend\n")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("broken.drl").contains("NoSuchFact")));
    }

    @Test
    void aRuleWithoutIdOrSeverityIsRefusedWithItsLine() {
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("bare.drl",
                "package tmsp.rules.bare\n\nrule \"bare\"\nwhen\nthen\nend\n")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.messages()).singleElement().asString().startsWith("bare.drl:3: rule \"bare\" needs @id"));
    }

    @Test
    void aConfiguredFolderOverridesTheShippedRules(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("custom.drl"), """
                package tmsp.rules.custom
                import tmsp.correlation.DetectionFact
                global tmsp.correlation.RaisedIncidents incidents
                rule "Any critical detection"
                    @id("critical") @severity("critical")
                when
                    DetectionFact( severity == "critical" )
                then
                end
                """);
        CorrelationRules loaded = new CorrelationRules(new PathMatchingResourcePatternResolver(), "file:" + folder);
        assertThat(loaded.ruleNames()).containsExactly("Any critical detection");
        assertThat(loaded.current().version()).startsWith("files-");
    }

    @Test
    void anEmptyRulesFolderStopsTheStartWithAClearMessage(@TempDir Path folder) {
        assertThatThrownBy(() -> new CorrelationRules(new PathMatchingResourcePatternResolver(), "file:" + folder))
                .hasMessageContaining("No correlation rules");
    }
}
