package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fuzz oracle must see what it is there to see, or the fuzz test could never fail. */
class JavaReferencesTest {

    @Test
    void theCompilerShowsTheClassesABodyReachesAndTheOracleFlagsThem() {
        Set<String> types = JavaReferences.of("Runtime.getRuntime().exec(\"id\");").orElseThrow();

        assertThat(types).contains("java/lang/Runtime", "java/lang/Process");
        assertThat(types).anyMatch(ConfinementFuzzTest::outsideTheDraftsReach);
    }

    @Test
    void classesReachedOnlyThroughAMethodsTypeAreSeenToo() {
        Set<String> types = JavaReferences.of("Object c = $d.getClass();").orElseThrow();

        assertThat(types).contains("java/lang/Class");
    }

    @Test
    void aBodyThatStaysInsideReachesNothingOutside() {
        Set<String> types = JavaReferences.of("""
                List<String> hosts = new ArrayList<>(List.of($d.getHost()));
                hosts.sort(Comparator.naturalOrder());
                incidents.raise(kcontext, hosts.get(0), "t " + hosts.size(), List.of($d));
                """).orElseThrow();

        assertThat(types).contains("tmsp/correlation/DetectionFact", "java/util/ArrayList");
        assertThat(types).noneMatch(ConfinementFuzzTest::outsideTheDraftsReach);
    }

    @Test
    void whatDoesNotCompileHasNoAnswer() {
        assertThat(JavaReferences.of("this is not java")).isEmpty();
    }
}
