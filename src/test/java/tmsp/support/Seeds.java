package tmsp.support;

import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Random;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs the cases of a test on generated input, each case from its own {@code new Random(seed)}, so that any
 * failing case can be replayed alone. The seeds follow from a fixed base seed, the test's name and the case
 * index: every run checks the same inputs, and two tests never draw the same ones. A failure names its seed and
 * the command that replays it: with {@code -Dtmsp.seed=<seed>} every test runs only the case of that seed.
 * {@code -Dtmsp.seed.base=<number>} moves all tests to other seeds, to look beyond the usual inputs.
 */
public final class Seeds {

    static final String REPLAY = "tmsp.seed";
    static final String BASE = "tmsp.seed.base";
    private static final long DEFAULT_BASE = 2026_12_01L;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** One case of a test: draws its input from the random generator and checks it. */
    @FunctionalInterface
    public interface Case {
        void check(Random random) throws Exception;
    }

    private Seeds() {
    }

    /** Runs {@code cases} cases, or only the one of {@code -Dtmsp.seed}; a failure names its seed. */
    public static void check(int cases, Case check) {
        String test = callingTest();
        if (replaying()) {
            long seed = Long.parseLong(System.getProperty(REPLAY));
            System.out.println("Seeds: " + test + " replays seed " + seed);
            run(check, seed, test, "the replayed case");
            return;
        }
        long base = Long.parseLong(System.getProperty(BASE, String.valueOf(DEFAULT_BASE)));
        for (int index = 0; index < cases; index++) {
            run(check, seedOf(base, test, index), test, "case " + (index + 1) + " of " + cases);
        }
    }

    /** Whether this run replays one seed, so totals over all cases mean nothing. */
    public static boolean replaying() {
        return System.getProperty(REPLAY) != null;
    }

    static long seedOf(long base, String test, int index) {
        // consecutive seeds give java.util.Random correlated first draws: the seeds are spread by a mixing function
        return mix(mix(base ^ test.hashCode()) + GOLDEN_GAMMA * index);
    }

    private static void run(Case check, long seed, String test, String which) {
        try {
            check.check(new Random(seed));
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            throw new AssertionError(which + " failed, seed " + seed + ": " + failure
                    + "\nreplay it alone: " + replayCommand(test, seed), failure);
        }
    }

    private static String replayCommand(String test, long seed) {
        String select = test.endsWith("IT")
                ? "verify -Dit.test=" + test + " -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                : "test -Dtest=" + test;
        return "./mvnw " + select + " -D" + REPLAY + "=" + seed;
    }

    /** {@code Class#method} of the test method on the stack, as surefire's -Dtest takes it. */
    private static String callingTest() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(Seeds::isTestMethod).findFirst())
                .map(frame -> frame.getDeclaringClass().getSimpleName() + "#" + frame.getMethodName())
                .orElse("the test");
    }

    private static boolean isTestMethod(StackFrame frame) {
        return method(frame).filter(method -> AnnotationSupport.isAnnotated(method, Testable.class)).isPresent();
    }

    private static Optional<Method> method(StackFrame frame) {
        try {
            return Optional.of(frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(),
                    frame.getMethodType().parameterArray()));
        } catch (NoSuchMethodException constructorOrInitializer) {
            return Optional.empty();
        }
    }

    /** The finalizer of {@link java.util.SplittableRandom}: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
