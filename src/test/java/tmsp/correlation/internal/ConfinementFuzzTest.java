package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import tmsp.correlation.internal.DraftConfinement.Violation;

/**
 * Jazzer targets for the confinement of rule drafts. {@code consequence} puts the input in a rule's consequence:
 * whatever the check lets through is compiled by the Java compiler, and nothing it refers to may lie outside
 * the draft's reach (the oracle is the compiler's own view of the code, independent of the check's tokens).
 * {@code wholeDraft} feeds any text as a DRL file: the check answers with violations, never an exception.
 * {@code ./mvnw verify} replays the corpus in {@code ConfinementFuzzTestInputs/<target>/}; {@code bench/fuzz.sh}
 * fuzzes them.
 */
class ConfinementFuzzTest {

    /** What no accepted consequence may refer to: the process, threads, reflection, I/O, other packages. */
    private static final Set<String> REFUSED_CLASSES = Set.of("java/lang/System", "java/lang/Runtime",
            "java/lang/Thread", "java/lang/ThreadGroup", "java/lang/ThreadLocal", "java/lang/InheritableThreadLocal",
            "java/lang/Class", "java/lang/ClassLoader", "java/lang/Process", "java/lang/ProcessBuilder",
            "java/lang/ProcessHandle", "java/lang/StackWalker", "java/lang/Module", "java/lang/ModuleLayer",
            "java/lang/SecurityManager", "java/util/ServiceLoader", "java/util/Timer", "java/util/Scanner",
            "java/util/Properties", "java/lang/invoke/VarHandle", "java/lang/invoke/MethodHandleProxies");

    private static final List<String> REFUSED_PACKAGES = List.of("java/io/", "java/nio/", "java/net/",
            "java/util/concurrent/", "java/util/zip/", "java/util/jar/", "java/util/logging/", "java/util/prefs/",
            "java/lang/reflect/", "java/lang/ref/", "java/lang/management/", "java/lang/module/", "java/security/",
            "java/sql/", "java/rmi/", "java/beans/", "java/awt/", "javax/", "jdk/", "sun/", "com/", "org/", "net/",
            "io/", "tmsp/");

    /** The fact model, the incident API and the rule context a consequence hands to it. */
    private static final Set<String> REACHABLE = Set.of("tmsp/correlation/DetectionFact",
            "tmsp/correlation/HostSeen", "tmsp/correlation/LogonOutcome", "tmsp/correlation/PriorIncident",
            "tmsp/correlation/RaisedIncidents", "org/kie/api/runtime/rule/RuleContext");

    @FuzzTest(maxDuration = "")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void consequence(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        List<Violation> violations = DraftConfinement.check("draft.drl", DraftDrl.ruleThat(body));
        if (violations.isEmpty()) {
            JavaReferences.of(body).ifPresent(types -> assertThat(types)
                    .as("classes an accepted consequence refers to:\n%s", body)
                    .noneMatch(ConfinementFuzzTest::outsideTheDraftsReach));
        }
    }

    @FuzzTest(maxDuration = "")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void wholeDraft(byte[] input) {
        String drl = new String(input, StandardCharsets.UTF_8);
        List<Violation> violations = DraftConfinement.check("draft.drl", drl);
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.line()).isBetween(1, drl.length() + 1);
            assertThat(v.column()).isBetween(1, drl.length() + 1);
            assertThat(v.reason()).isNotBlank();
        });
        assertThat(DraftConfinement.check("draft.drl", drl)).as("the same answer twice").isEqualTo(violations);
    }

    static boolean outsideTheDraftsReach(String internalName) {
        if (internalName.startsWith("tmsp/rules/fuzz/") || REACHABLE.contains(internalName)) {
            return false;
        }
        return REFUSED_CLASSES.contains(internalName) || REFUSED_PACKAGES.stream().anyMatch(internalName::startsWith);
    }
}
