package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.RuleCompiler;
import tmsp.incident.IncidentFinding;

/** Hostile values survive as exactly themselves: each compiled into a rule that must match it and nothing else. */
class DrlTextTest {

    static final List<String> HOSTILE = List.of("plain", "a\"b", "back\\slash", "C:\\Users\\evil", "\\u0041",
            "\"); System.exit(0); (\"", "line\nbreak", "cr\rlf", "tab\there", "${window}", "$ {x} and ${",
            "ctl\u0001char7", "nul\u0000", "end", "\\", "\"", "ümlaut ✓", "// not a comment", "/* nor this */",
            "'single'", "a\\\"b");

    @Test
    void everyHostileValueIsALiteralOfItself() {
        StringBuilder drl = new StringBuilder("""
                package tmsp.rules.literals

                import tmsp.correlation.DetectionFact
                import tmsp.correlation.SigmaText
                import java.util.List

                global tmsp.correlation.RaisedIncidents incidents

                """);
        for (int i = 0; i < HOSTILE.size(); i++) {
            drl.append("rule \"v").append(i).append("\"\n    @id(\"v-").append(i).append("\") @severity(\"low\")\n")
                    .append("when\n    $d : DetectionFact( SigmaText.is(eventName, ").append(DrlText.literal(HOSTILE.get(i)))
                    .append(") )\nthen\n    incidents.raise(kcontext, \"g\", \"t\", List.of($d));\nend\n\n");
        }
        CompiledRules rules = RuleCompiler.compileDraft("test", Map.of("literals.drl", drl.toString()), Map.of());
        List<DetectionFact> facts = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            facts.add(DetectionFact.builder(i, 1, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i))
                    .eventName(HOSTILE.get(i)).build());
        }
        List<IncidentFinding> findings = CorrelationSession.correlate(rules, facts);
        for (int i = 0; i < HOSTILE.size(); i++) {
            String id = "v-" + i;
            assertThat(findings.stream().filter(f -> f.ruleId().equals(id)).flatMap(f -> f.detectionIds().stream()))
                    .as(HOSTILE.get(i)).containsExactly((long) i);
        }
    }

    @Test
    void metadataStaysOnOneLineWithoutPlaceholdersOrUnicodeEscapes() {
        assertThat(DrlText.metadata("a\"b\nc\\u0041 ${x}", 100)).isEqualTo("a\\\"b c/u0041 $ {x}");
        assertThat(DrlText.metadata("x".repeat(300), 20)).hasSize(20).endsWith("...");
    }
}
