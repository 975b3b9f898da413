package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tmsp.correlation.DraftDrl.HEAD;
import static tmsp.correlation.DraftDrl.ruleThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tmsp.correlation.DraftConfinement.Violation;
import tmsp.incident.IncidentFinding;

class DraftConfinementTest {

    @Test
    void everyShippedRuleFileStaysInside() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                assertThat(DraftConfinement.check(file.getFileName().toString(), Files.readString(file)))
                        .as(file.toString()).isEmpty();
            }
        }
    }

    static Stream<Arguments> hostileDrafts() {
        return Stream.of(
                Arguments.of("Runtime.exec", ruleThat("Runtime.getRuntime().exec(\"rm -rf /\");"), "Runtime"),
                Arguments.of("System.exit", ruleThat("System.exit(0);"), "System"),
                Arguments.of("file write, qualified", ruleThat(
                        "new java.io.FileWriter(\"/tmp/owned\").write(\"x\");"), "java.io.FileWriter"),
                Arguments.of("file write, nio", ruleThat(
                        "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"x\");"), "java.nio"),
                Arguments.of("file write, imported", HEAD.replace("import java.util.List",
                        "import java.io.FileOutputStream") + "rule \"r\" when then end", "java.io.FileOutputStream"),
                Arguments.of("reflection", ruleThat(
                        "$d.getClass().getMethod(\"toString\").invoke($d);"), "getClass"),
                Arguments.of("Class.forName", ruleThat("Class.forName(\"java.lang.Runtime\");"), "Class"),
                Arguments.of("a class loader", ruleThat(
                        "ClassLoader.getSystemClassLoader().loadClass(\"x\");"), "ClassLoader"),
                Arguments.of("a context class loader", ruleThat(
                        "Thread.currentThread().getContextClassLoader();"), "Thread"),
                Arguments.of("a thread", ruleThat("new Thread(() -> { }).start();"), "Thread"),
                Arguments.of("a socket", ruleThat("new java.net.Socket(\"evil.example\", 80);"), "java.net"),
                Arguments.of("threads through a parallel stream", ruleThat(
                        "List.of(1, 2).parallelStream().count();"), "parallelStream"),
                Arguments.of("a Unicode escape hiding System.exit", ruleThat("\\u0053ystem.exit(0);"), "Unicode"),
                Arguments.of("a carriage return ending a comment for Java only", ruleThat(
                        "// harmless\r Runtime.getRuntime();"), "carriage return"),
                Arguments.of("a static import", HEAD.replace("import java.util.List",
                        "import static java.lang.System.exit") + "rule \"r\" when then end", "import static"),
                Arguments.of("the engine behind kcontext", ruleThat("kcontext.getKieRuntime().halt();"),
                        "kcontext"),
                Arguments.of("another package", HEAD.replace("package tmsp.rules.draft",
                        "package tmsp.correlation") + "rule \"r\" when then end", "package"),
                Arguments.of("a function reaching outside", HEAD + """
                        function String home() {
                            return java.lang.System.getProperty("user.home");
                        }
                        """, "System"),
                Arguments.of("MVEL properties reaching the class loader", ruleThat(
                        "Object l = $d.class.classLoader;"), "class"),
                Arguments.of("a global of another type", HEAD.replace("global tmsp.correlation.RaisedIncidents",
                        "global java.lang.Runtime") + "rule \"r\" when then end", "java.lang.Runtime"),
                Arguments.of("a declared type extending Thread", HEAD + """
                        declare Sneaky extends Thread
                        end
                        """, "Thread"),
                Arguments.of("characters Java ignores inside a name (found by fuzzing)", ruleThat(
                        "new java\0\0.io.FileWriter(\"/tmp/owned\");"), "U+0000"),
                Arguments.of("reflection behind an ignorable character", ruleThat(
                        "Object c = $d.getCl\u0001ass();"), "U+0001"),
                Arguments.of("a string never closed, hiding code for DRL", ruleThat(
                        "String s = \"abc\nSystem.exit(0);"), "not closed"),
                Arguments.of("an endless while loop in a consequence", ruleThat("while (true) { }"), "'while' loop"),
                Arguments.of("a do loop", ruleThat("int i = 0; do { i--; } while (i < 1);"), "'do' loop"),
                Arguments.of("a counting for loop without end", ruleThat("for (;;) { }"), "'for' loop"),
                Arguments.of("a counting for loop in a function", HEAD + """
                        function int spin(int n) {
                            int s = 0;
                            for (int i = 0; i < n; i--) { s++; }
                            return s;
                        }
                        """, "'for' loop"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrafts")
    void aHostileDraftIsRefusedWithItsReason(String what, String drl, String reasonMentions) {
        List<Violation> violations = DraftConfinement.check("draft.drl", drl);

        assertThat(violations).as(what).isNotEmpty();
        assertThat(violations).as(what).anySatisfy(v -> assertThat(v.reason()).contains(reasonMentions));
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.file()).isEqualTo("draft.drl");
            assertThat(v.line()).isPositive();
            assertThat(v.column()).isPositive();
        });
    }

    @Test
    void aForEachOverACollectionIsAllowedForItAlwaysEnds() {
        assertThat(DraftConfinement.check("draft.drl", ruleThat(
                "int n = 0; for (Object o : List.of(1, 2)) { n++; }"))).isEmpty();
        assertThat(DraftConfinement.check("draft.drl", ruleThat(
                "// while (true) in a comment\nString s = \"for (;;)\";"))).isEmpty();
    }

    @Test
    void aViolationNamesItsLineAndColumn() {
        List<Violation> violations = DraftConfinement.check("draft.drl", ruleThat("    int x = 1; System.exit(x);"));

        assertThat(violations).containsExactly(
                new Violation("draft.drl", 13, 16, "the type 'System' is not allowed in a rule"),
                new Violation("draft.drl", 13, 23, "'exit' is not allowed in a rule"));
    }

    @Test
    void whatIsOnlyInStringsAndCommentsIsNotCode() {
        String drl = ruleThat("""
                // System.exit(0) would be refused here
                /* Runtime.getRuntime() and
                   java.io.File too */
                incidents.raise(kcontext, "System.exit(0)", 'Runtime', List.of($d));
                """);

        assertThat(DraftConfinement.check("draft.drl", drl)).isEmpty();
    }

    @Test
    void theAllowedJavaTypesAndTheDraftsOwnTypesMayBeUsed() {
        String drl = HEAD + """
                import java.time.Duration
                import java.util.HashMap

                declare Seen
                    host : String
                end

                rule "Allowed"
                    @id("allowed") @severity("low")
                when
                    $s : Seen( $h : host )
                then
                    java.util.Map<String, Duration> windows = new HashMap<>();
                    windows.put($h, Duration.ofMinutes(Math.max(1, 5)));
                    incidents.raise(kcontext, $h, "Seen " + $h, List.of($s));
                end
                """;

        assertThat(DraftConfinement.check("draft.drl", drl)).isEmpty();
    }

    @Test
    void aCommentLeftOpenIsRefusedRatherThanGuessed() {
        assertThat(DraftConfinement.check("draft.drl", HEAD + "/* the rest is hidden\nrule \"r\" when then end"))
                .extracting(Violation::reason).containsExactly("a /* comment is never closed");
    }

    @Test
    void aDraftIsCheckedBeforeTheCompilerSeesIt() {
        String drl = ruleThat("System.exit(0);\nincidents.raise(kcontext, \"x\", \"x\", List.of($d));");

        assertThatThrownBy(() -> RuleCompiler.compileDraft("draft", Map.of("draft.drl", drl), Map.of()))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).messages()).containsExactly(
                        "draft.drl:13:1: the type 'System' is not allowed in a rule",
                        "draft.drl:13:8: 'exit' is not allowed in a rule"));
    }

    @Test
    void aConfinedDraftCompilesAndCorrelates() {
        String drl = ruleThat("incidents.raise(kcontext, $d.getHost(), \"Seen \" + $d.getHost(), List.of($d));");

        CompiledRules rules = RuleCompiler.compileDraft("draft", Map.of("draft.drl", drl), Map.of());

        assertThat(CorrelationSession.correlate(rules, List.of(ShippedRules.at(1, 7, 0).src("10.0.0.1", "pc-1", null)
                .threatName("EICAR").build()))).extracting(IncidentFinding::grouping).containsExactly("pc-1");
    }
}
