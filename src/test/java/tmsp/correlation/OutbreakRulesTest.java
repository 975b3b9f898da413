package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped rules/outbreak.drl, compiled and run without Spring. */
class OutbreakRulesTest {

    static KieBase rules;

    @BeforeAll
    static void compile() throws IOException {
        rules = RuleCompiler.compile(Map.of("outbreak.drl", Files.readString(Path.of("rules/outbreak.drl"))));
    }

    private static DetectionFact detection(long id, String threat, String host) {
        return new DetectionFact(id, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(id), "high", "File Pattern",
                threat, "File detection", "10.0.0." + id, "198.51.100.9", host);
    }

    @Test
    void theSameMalwareOnThreeHostsIsOneOutbreakWithTheDetectionsBehindIt() {
        List<DetectionFact> detections = List.of(
                detection(1, "TROJ_EMOTET.A", "pc-1"), detection(2, "TROJ_EMOTET.A", "pc-2"),
                detection(3, "TROJ_EMOTET.A", "pc-2"), detection(4, "TROJ_EMOTET.A", "pc-3"),
                detection(5, "WORM_OTHER", "pc-1"));
        List<IncidentFinding> findings = Correlator.correlate(rules, detections);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("malware-outbreak");
            assertThat(f.key()).isEqualTo("TROJ_EMOTET.A");
            assertThat(f.title()).isEqualTo("Outbreak of TROJ_EMOTET.A on 3 hosts");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        });
    }

    @Test
    void twoHostsOrDetectionsWithoutAHostAreNoOutbreak() {
        List<DetectionFact> detections = new ArrayList<>(List.of(
                detection(1, "TROJ_X", "pc-1"), detection(2, "TROJ_X", "pc-2"), detection(3, "TROJ_X", "pc-2")));
        detections.add(detection(4, "TROJ_X", null));
        assertThat(Correlator.correlate(rules, detections)).isEmpty();
        assertThat(Correlator.correlate(rules, List.of())).isEmpty();
    }

    @Test
    void badDrlGivesTheCompilersMessagesWithFileAndLine() {
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("broken.drl",
                "package tmsp.rules.broken\nrule \"x\"\nwhen\n  NoSuchFact()\nthen\nend\n")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("broken.drl").contains("NoSuchFact")));
    }

    @Test
    void aConfiguredFolderOverridesTheShippedRules(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("custom.drl"), """
                package tmsp.rules.custom
                import tmsp.correlation.DetectionFact
                global tmsp.correlation.Findings findings
                rule "Any critical detection"
                when
                    DetectionFact( severity == "critical" )
                then
                end
                """);
        CorrelationRules loaded = new CorrelationRules(new PathMatchingResourcePatternResolver(), "file:" + folder);
        assertThat(loaded.ruleNames()).containsExactly("Any critical detection");
    }

    @Test
    void anEmptyRulesFolderStopsTheStartWithAClearMessage(@TempDir Path folder) {
        assertThatThrownBy(() -> new CorrelationRules(new PathMatchingResourcePatternResolver(), "file:" + folder))
                .hasMessageContaining("No correlation rules");
    }
}
