package tmsp.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Replays the inputs of one fuzz test in Jazzer's regression mode, outside Maven: {@code bench/fuzz.sh} puts the
 * corpus a fuzzing run grew first on the class path, so the test replays it with the checks that fuzzing mode
 * leaves out (what each input allocates). Not a test: a command-line tool.
 *
 * <pre>java -cp ... tmsp.fuzz.ReplayCorpus CLASS METHOD</pre>
 */
public final class ReplayCorpus {

    private ReplayCorpus() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 2 || System.getenv("JAZZER_FUZZ") != null) {
            System.err.println("usage: ReplayCorpus CLASS METHOD (with JAZZER_FUZZ unset)");
            System.exit(2);
        }
        Class<?> type = Class.forName(args[0]);
        Method method = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(args[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + args[1] + " in " + args[0]));
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectMethod(type, method)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("replayed %d inputs: %d passed, %d failed%n", summary.getTestsStartedCount(),
                summary.getTestsSucceededCount(), summary.getTestsFailedCount());
        summary.getFailures().forEach(failure -> System.out.println("failed input: "
                + failure.getTestIdentifier().getDisplayName()));
        summary.printFailuresTo(new PrintWriter(System.out, true), 5);
        System.exit(summary.getTestsFailedCount() == 0 && summary.getTestsStartedCount() > 0 ? 0 : 1);
    }
}
